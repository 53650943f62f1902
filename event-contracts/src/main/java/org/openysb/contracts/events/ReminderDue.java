package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A clock of the case reached a reminder threshold (催办提醒) before its deadline.
 *
 * @param unit the unit that is reminded
 * @param clock SIGN_FOR, FIRST_CONTACT or HANDLING
 * @param percent the share of the allowed time already used (configurable; by default 50, 75 or 90)
 * @param deadline the deadline of that clock
 */
public record ReminderDue(String caseNumber, UnitRef unit, String clock, int percent, OffsetDateTime deadline) {}
