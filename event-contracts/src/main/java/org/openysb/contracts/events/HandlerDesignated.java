package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The coordinator designated the handling unit (指定承办), typically after the configured number of dispatches without
 * acceptance. The designated unit may not return the case; a CaseRouted with {@code designated} true carries the
 * dispatch itself.
 *
 * @param unit the designated lead unit
 * @param reason why this unit was designated
 * @param actor the user name of the coordinator who designated it
 * @param dispatchCount how many times this case had been dispatched before the designation
 */
public record HandlerDesignated(
        String caseNumber, UnitRef unit, String reason, String actor, int dispatchCount, OffsetDateTime designatedAt) {}
