package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A supervisor approved an extension (延期批准); the handling deadline moves and the complainant is told.
 *
 * @param unit the unit whose deadline moves
 * @param workingDays the working days granted
 * @param previousDeadline the handling deadline before the extension
 * @param newDeadline the handling deadline now in force (on-time completion is measured against it)
 * @param approver the user name of the supervisor who approved
 * @param deadlineProvisional the new deadline rests on the provisional calendar of a year without a holiday notice
 *     (暂定); absent when unknown
 */
public record ExtensionApproved(
        String caseNumber,
        UnitRef unit,
        int workingDays,
        OffsetDateTime previousDeadline,
        OffsetDateTime newDeadline,
        String approver,
        OffsetDateTime approvedAt,
        Boolean deadlineProvisional) {

    /** Without {@code deadlineProvisional}. */
    public ExtensionApproved(
            String caseNumber,
            UnitRef unit,
            int workingDays,
            OffsetDateTime previousDeadline,
            OffsetDateTime newDeadline,
            String approver,
            OffsetDateTime approvedAt) {
        this(caseNumber, unit, workingDays, previousDeadline, newDeadline, approver, approvedAt, null);
    }
}
