package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The lead unit returned a case (退单/退回) as "not ours", within the return window, with a reason and a basis. Routing
 * either dispatches it again on its own or sends the dispute to the coordinator's arbitration (仲裁). Every return is
 * counted against the returning unit (退单率); repeated bouncing is a 推诿 signal.
 *
 * @param unit the unit that returned the case
 * @param reason why the unit says the case is not its own
 * @param basis the matrix row, mandate or document the unit cites (依据)
 * @param actor the user name of the handler who returned the case
 * @param returnedAt when the unit asked for the return
 * @param outcome REROUTED when routing dispatched the case again (a CaseRouted follows), ARBITRATION when the
 *     coordinator must rule (a ReturnRuled follows), REFUSED when the return is not admissible (outside the window,
 *     without a reason or basis, by a designated unit, after sign-for): the case stays with the unit
 * @param dispatchCount how many times this case has been dispatched so far
 * @param refusal why the return was refused (REFUSED only, otherwise null)
 */
public record CaseReturned(
        String caseNumber,
        UnitRef unit,
        String reason,
        String basis,
        String actor,
        OffsetDateTime returnedAt,
        String outcome,
        int dispatchCount,
        String refusal) {}
