package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The lead unit replied (答复) to the complainant in writing with a result code. Follow-up (回访) may start the working
 * day after.
 *
 * @param unit the unit that replied
 * @param resultCode RESOLVED, EXPLAINED, PARTIALLY_RESOLVED or NOT_ACCEPTED
 * @param text the written reply, as the complainant reads it
 * @param actor the user name of the handler who replied
 * @param onTime replied by the handling deadline in force, extension included (按时办结)
 * @param followUpDeadline by when the follow-up must be recorded
 * @param deadlineProvisional the follow-up deadline rests on the provisional calendar of a year without a holiday
 *     notice (暂定); absent when unknown
 */
public record CaseReplied(
        String caseNumber,
        UnitRef unit,
        String resultCode,
        String text,
        String actor,
        OffsetDateTime repliedAt,
        boolean onTime,
        OffsetDateTime followUpDeadline,
        Boolean deadlineProvisional) {

    /** Without {@code deadlineProvisional}. */
    public CaseReplied(
            String caseNumber,
            UnitRef unit,
            String resultCode,
            String text,
            String actor,
            OffsetDateTime repliedAt,
            boolean onTime,
            OffsetDateTime followUpDeadline) {
        this(caseNumber, unit, resultCode, text, actor, repliedAt, onTime, followUpDeadline, null);
    }
}
