package org.openysb.intake.rest;

import java.time.OffsetDateTime;

/** The receipt: keep the case number and the query code to track the case. */
public record SubmitComplaintResponse(
        String caseNumber, String queryCode, OffsetDateTime receivedAt, String status, String trackingUrl) {}
