package org.openysb.intake.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The details of a letter (来信) or referral (转办) besides its case: what was received, from whom, entered by whom. */
public record ExternalDetails(
        LocalDate postmarkDate,
        String senderAddress,
        String referringBodyKind,
        String referringBodyName,
        OffsetDateTime referredAt,
        String enteredBy) {}
