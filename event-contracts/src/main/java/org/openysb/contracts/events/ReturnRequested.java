package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A handler of the lead unit asked to return the case (申请退单) within the return window; supervision-service passes
 * the request to case-routing, which answers with CaseReturned.
 *
 * @param unit the unit that asks to return the case
 * @param reason why the unit says the case is not its own
 * @param basis the matrix row, mandate or document the unit cites (依据)
 * @param actor the user name of the handler who asked
 */
public record ReturnRequested(
        String caseNumber, UnitRef unit, String reason, String basis, String actor, OffsetDateTime requestedAt) {}
