package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The lead unit requested an extension (延期申请) of the handling deadline, before the configured lead time, with a
 * reason and a legal basis; a supervisor approves or rejects it.
 *
 * @param unit the unit that asks
 * @param workingDays how many working days the unit asks for
 * @param reason why the case cannot be finished in time
 * @param legalBasis the law, regulation or document that allows the extension
 * @param currentDeadline the handling deadline in force when the request was made
 * @param actor the user name of the handler who asked
 */
public record ExtensionRequested(
        String caseNumber,
        UnitRef unit,
        int workingDays,
        String reason,
        String legalBasis,
        OffsetDateTime currentDeadline,
        String actor,
        OffsetDateTime requestedAt) {}
