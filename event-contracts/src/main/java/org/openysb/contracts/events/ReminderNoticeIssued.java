package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A clock of the case is overdue and a reminder notice (催办通知书) was issued to the unit.
 *
 * @param unit the overdue unit
 * @param clock SIGN_FOR, FIRST_CONTACT or HANDLING
 * @param deadline the deadline that was missed
 * @param overdueWorkingDays working days past the deadline when the notice was issued
 * @param noticeNumber the document number of the notice
 * @param actor SYSTEM when issued automatically, otherwise the user name of the supervisor
 */
public record ReminderNoticeIssued(
        String caseNumber,
        UnitRef unit,
        String clock,
        OffsetDateTime deadline,
        int overdueWorkingDays,
        String noticeNumber,
        String actor,
        OffsetDateTime issuedAt) {}
