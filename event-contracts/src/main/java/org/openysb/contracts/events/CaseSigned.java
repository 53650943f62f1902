package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The lead unit signed for (签收) the case. The handling clock runs from assignment, not from sign-for.
 *
 * @param unit the unit that signed for the case
 * @param actor the user name of the handler who signed
 * @param onTime signed within the sign-for limit (及时签收)
 */
public record CaseSigned(String caseNumber, UnitRef unit, String actor, OffsetDateTime signedAt, boolean onTime) {}
