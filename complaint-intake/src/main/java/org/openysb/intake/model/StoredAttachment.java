package org.openysb.intake.model;

/** An attachment as stored: content only when read singly. */
public record StoredAttachment(
        long id, String caseNumber, String fileName, String mediaType, long size, String sha256, byte[] content) {}
