package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A supervisor reopened the case (重办): the complainant was dissatisfied because of the unit's handling, and the case
 * goes back to the unit with a new deadline.
 *
 * @param unit the unit that must handle the case again
 * @param reopenCount how many times this case has been reopened, this one included
 * @param newDeadline the new handling deadline
 * @param reason why the case is reopened
 * @param actor the user name of the supervisor who reopened it
 * @param deadlineProvisional the new deadline rests on the provisional calendar of a year without a holiday notice
 *     (暂定); absent when unknown
 */
public record CaseReopened(
        String caseNumber,
        UnitRef unit,
        int reopenCount,
        OffsetDateTime newDeadline,
        String reason,
        String actor,
        OffsetDateTime reopenedAt,
        Boolean deadlineProvisional) {

    /** Without {@code deadlineProvisional}. */
    public CaseReopened(
            String caseNumber,
            UnitRef unit,
            int reopenCount,
            OffsetDateTime newDeadline,
            String reason,
            String actor,
            OffsetDateTime reopenedAt) {
        this(caseNumber, unit, reopenCount, newDeadline, reason, actor, reopenedAt, null);
    }
}
