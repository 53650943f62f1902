package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A follow-up (回访/评价) was recorded: the complainant's rating of the reply and whether the problem was solved.
 * Never names the complainant.
 *
 * @param unit the lead unit that was rated
 * @param rating SATISFIED, BASICALLY_SATISFIED, DISSATISFIED or NOT_RATED
 * @param solved whether the complainant says the problem was solved; null when not asked or not answered
 * @param comment the complainant's comment, or null
 * @param by COMPLAINANT when rated through the link, OPERATOR when a hotline operator recorded it by phone
 * @param actor the operator's user name when {@code by} is OPERATOR, otherwise null
 */
public record FollowUpRecorded(
        String caseNumber,
        UnitRef unit,
        String rating,
        Boolean solved,
        String comment,
        String by,
        String actor,
        OffsetDateTime recordedAt) {}
