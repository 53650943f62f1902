package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The coordinator (营商办) ruled on a disputed return (退单仲裁).
 *
 * @param unit the unit that returned the case
 * @param upheld true when the return is accepted and the case goes to {@code newLead}; false when the returning unit
 *     must handle it
 * @param improper true when the return is recorded as improper (不当退单) against the unit: it counts in the return
 *     rate's improper returns and raises a discipline-inspection clue
 * @param newLead the unit the case goes to when the return is upheld, otherwise null
 * @param reason the arbiter's reasoning
 * @param actor the user name of the arbiter
 */
public record ReturnRuled(
        String caseNumber,
        UnitRef unit,
        boolean upheld,
        boolean improper,
        UnitRef newLead,
        String reason,
        String actor,
        OffsetDateTime ruledAt) {}
