package org.openysb.supervision.suspension.service;

import java.time.OffsetDateTime;

/** 中止 as handlers and supervisors see it. */
public record SuspensionView(
        String caseNumber,
        String state,
        String reason,
        String basis,
        int workingDays,
        String requestedBy,
        OffsetDateTime requestedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason,
        OffsetDateTime startedAt,
        OffsetDateTime resumeBy,
        OffsetDateTime endedAt,
        String endedBy,
        String resumeNote,
        Integer pausedWorkingDays) {}
