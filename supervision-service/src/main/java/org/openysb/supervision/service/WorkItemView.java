package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work item as handlers and supervisors see it; the complainant's identity is not part of it. Each
 * {@code xxxDeadlineProvisional} is true when that deadline rests on the provisional calendar of a year whose holiday
 * notice is not loaded yet (暂定; recomputed when it is).
 */
public record WorkItemView(
        String caseNumber,
        String leadUnit,
        String leadName,
        List<String> coUnits,
        String type,
        boolean urgent,
        String category,
        String district,
        String status,
        OffsetDateTime assignedAt,
        OffsetDateTime signForDeadline,
        OffsetDateTime firstContactDeadline,
        OffsetDateTime returnDeadline,
        OffsetDateTime handlingDeadline,
        OffsetDateTime signedAt,
        OffsetDateTime firstContactAt,
        OffsetDateTime repliedAt,
        String replyResult,
        OffsetDateTime followUpDeadline,
        List<CoUnitPartView> coUnitParts,
        List<String> outstandingCoUnits,
        List<String> allowedActions,
        boolean signForDeadlineProvisional,
        boolean firstContactDeadlineProvisional,
        boolean returnDeadlineProvisional,
        boolean handlingDeadlineProvisional,
        boolean followUpDeadlineProvisional) {
    /** 协办意见 as the lead unit reads it. */
    public record CoUnitPartView(String unit, String text, String submittedBy, OffsetDateTime submittedAt) {}
}
