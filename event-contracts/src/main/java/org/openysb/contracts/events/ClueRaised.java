package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A clue (线索) for discipline inspection (纪检监察) was entered in the clue ledger (线索台账), against a unit, for
 * inaction or evasion. The description states facts about the case and the unit; it never names the complainant.
 *
 * @param clueId the clue's identifier in the ledger
 * @param unit the unit the clue is about
 * @param kind OVERDUE_AFTER_ORDER, IMPROPER_RETURN, REPEATED_BOUNCING, CLOSED_WITHOUT_REPLY, STAFF_RECORDED_FOLLOW_UP,
 *     SOLVED_CASE_RETURNED, RELABELLED_TYPE or MANUAL
 * @param description what happened
 * @param relatedCaseNumber another case the clue refers to (e.g. the earlier "solved" case), or null
 * @param actor SYSTEM when raised automatically, otherwise the user name of whoever raised it by hand
 */
public record ClueRaised(
        String caseNumber,
        String clueId,
        UnitRef unit,
        String kind,
        String description,
        String relatedCaseNumber,
        String actor,
        OffsetDateTime raisedAt) {}
