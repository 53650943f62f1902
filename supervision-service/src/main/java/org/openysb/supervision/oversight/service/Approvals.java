package org.openysb.supervision.oversight.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 延期与中止审批: the extension and suspension requests awaiting a supervisor's decision, oldest first, with the
 * case they concern. {@code extensionsTotal} and {@code suspensionsTotal} count every pending request even when a list
 * stops at its limit.
 */
public record Approvals(List<Item> extensions, long extensionsTotal, List<Item> suspensions, long suspensionsTotal) {

    /**
     * One request.
     *
     * @param kind EXTENSION (延期) or SUSPENSION (中止)
     * @param workingDays the working days asked for
     * @param workingDaysLeft working days from today to the handling deadline (0 on its last day, negative when past)
     * @param proposedDeadline for an extension, the handling deadline if approved; null for a suspension
     * @param handlingDeadlineProvisional the handling deadline rests on the provisional calendar (暂定)
     * @param proposedDeadlineProvisional the proposed deadline rests on the provisional calendar (暂定)
     */
    public record Item(
            String kind,
            String caseNumber,
            String title,
            String leadUnit,
            String leadName,
            String type,
            boolean urgent,
            String category,
            String status,
            OffsetDateTime assignedAt,
            OffsetDateTime handlingDeadline,
            int workingDaysLeft,
            int reopenCount,
            int workingDays,
            String reason,
            String basis,
            String requestedBy,
            OffsetDateTime requestedAt,
            OffsetDateTime proposedDeadline,
            boolean handlingDeadlineProvisional,
            boolean proposedDeadlineProvisional) {}
}
