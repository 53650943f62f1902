package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A suspended case resumes (恢复办理): the handler recorded the answer that was awaited, or the approved working days ran
 * out. The handling deadline moves by the working days the clock stood still; the complainant is told.
 *
 * @param unit the lead unit whose handling clock runs again
 * @param pausedWorkingDays the working days the clock stood still (0 when resumed on the day it stopped)
 * @param previousDeadline the handling deadline before the suspension
 * @param newDeadline the handling deadline now in force (on-time completion is measured against it)
 * @param resumedBy the user name of the handler, or {@code SYSTEM} when the approved time ran out
 * @param deadlineProvisional the new deadline rests on the provisional calendar of a year without a holiday notice
 *     (暂定); absent when unknown
 */
public record CaseResumed(
        String caseNumber,
        UnitRef unit,
        int pausedWorkingDays,
        OffsetDateTime previousDeadline,
        OffsetDateTime newDeadline,
        String resumedBy,
        OffsetDateTime resumedAt,
        Boolean deadlineProvisional) {

    /** Without {@code deadlineProvisional}. */
    public CaseResumed(
            String caseNumber,
            UnitRef unit,
            int pausedWorkingDays,
            OffsetDateTime previousDeadline,
            OffsetDateTime newDeadline,
            String resumedBy,
            OffsetDateTime resumedAt) {
        this(caseNumber, unit, pausedWorkingDays, previousDeadline, newDeadline, resumedBy, resumedAt, null);
    }
}
