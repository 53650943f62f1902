package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The case is still overdue after the reminder notice and a supervision order (督办单) was issued to the head of the
 * unit; a discipline-inspection clue is raised with it.
 *
 * @param unit the overdue unit, whose head receives the order
 * @param clock SIGN_FOR, FIRST_CONTACT or HANDLING
 * @param deadline the deadline that was missed
 * @param overdueWorkingDays working days past the deadline when the order was issued
 * @param orderNumber the document number of the supervision order
 * @param actor SYSTEM when issued automatically, otherwise the user name of the supervisor
 */
public record SupervisionOrderIssued(
        String caseNumber,
        UnitRef unit,
        String clock,
        OffsetDateTime deadline,
        int overdueWorkingDays,
        String orderNumber,
        String actor,
        OffsetDateTime issuedAt) {}
