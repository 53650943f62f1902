package org.openysb.intake.rest;

import java.time.OffsetDateTime;
import java.util.List;

/** The receipt of a letter or referral: the case, its query code (for the reply letter) and the stored attachments. */
public record LetterResponse(
        String reference,
        String caseNumber,
        String queryCode,
        OffsetDateTime receivedAt,
        String status,
        String trackingUrl,
        List<AttachmentView> attachments) {

    public record AttachmentView(long id, String fileName, String mediaType, long size, String sha256, String url) {}
}
