package org.openysb.intake.service;

import java.time.OffsetDateTime;

/** The answer to a work-order push: the case, and whether this push created it or repeated an earlier push. */
public record HotlineReceipt(
        String workOrderNumber,
        String caseNumber,
        String queryCode,
        OffsetDateTime receivedAt,
        String status,
        boolean created) {}
