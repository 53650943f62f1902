package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.List;

import org.openysb.intake.model.StoredAttachment;

/** The answer to a letter or referral entry: the case, and whether this entry created it or repeated an earlier one. */
public record ExternalReceipt(
        String reference,
        String caseNumber,
        String queryCode,
        OffsetDateTime receivedAt,
        String status,
        boolean created,
        List<StoredAttachment> attachments) {}
