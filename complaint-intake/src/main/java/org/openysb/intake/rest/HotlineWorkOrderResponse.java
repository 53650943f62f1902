package org.openysb.intake.rest;

import java.time.OffsetDateTime;

/** The receipt of a work order: the case, its query code (for the caller) and where to track it. */
public record HotlineWorkOrderResponse(
        String workOrderNumber,
        String caseNumber,
        String queryCode,
        OffsetDateTime receivedAt,
        String status,
        String trackingUrl) {}
