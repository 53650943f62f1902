package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The case was closed out (办结/销号).
 *
 * @param unit the lead unit at close-out
 * @param closure AFTER_FOLLOW_UP (reply and follow-up done), FOLLOW_UP_EXPIRED (reply done, follow-up window passed
 *     without a rating) or BY_SUPERVISOR (closed by hand, possibly without a reply)
 * @param outcome the result code of the last reply (RESOLVED, EXPLAINED, PARTIALLY_RESOLVED, NOT_ACCEPTED); null when
 *     closed without a reply
 * @param rating the last follow-up rating; NOT_RATED when there was none
 * @param solved whether the complainant said the problem was solved; null when not known
 * @param reopenCount how many times the case was reopened
 * @param actor SYSTEM when closed automatically, otherwise the user name of the supervisor
 */
public record CaseClosed(
        String caseNumber,
        UnitRef unit,
        String closure,
        String outcome,
        String rating,
        Boolean solved,
        int reopenCount,
        String actor,
        OffsetDateTime closedAt) {}
