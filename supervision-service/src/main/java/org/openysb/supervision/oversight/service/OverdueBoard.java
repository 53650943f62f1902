package org.openysb.supervision.oversight.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 超期督办: open cases past their handling deadline (not suspended), most overdue first, one page, with the
 * reminders, reminder notices and supervision orders issued for each; and every unit's overdue count (unfiltered).
 */
public record OverdueBoard(List<Item> items, int page, int size, long total, List<UnitCount> units) {

    /**
     * An overdue case.
     *
     * @param overdueWorkingDays working days since the handling deadline (the escalation sweep's count)
     * @param level the highest escalation issued for the current deadline: NONE, REMINDER, NOTICE, ORDER
     * @param escalations everything issued for the case (all its deadlines), in the order issued
     * @param handlingDeadlineProvisional the handling deadline rests on the provisional calendar (暂定)
     */
    public record Item(
            String caseNumber,
            String title,
            String leadUnit,
            String leadName,
            String type,
            boolean urgent,
            String category,
            String status,
            OffsetDateTime assignedAt,
            OffsetDateTime handlingDeadline,
            int overdueWorkingDays,
            int reopenCount,
            String extensionState,
            String level,
            List<Escalation> escalations,
            boolean handlingDeadlineProvisional) {}

    /**
     * A reminder (催办提醒, level R50/R75/…: the percentage of the limit used), a reminder notice (催办通知书, NOTICE) or a
     * supervision order (督办单, ORDER).
     *
     * @param clock the time limit it was issued on: HANDLING or SIGN_FOR
     * @param deadline that limit's deadline when issued
     * @param number the document number of a notice or order (CB-…, DB-…), null for reminders
     */
    public record Escalation(
            String clock, String level, OffsetDateTime deadline, OffsetDateTime issuedAt, String number) {}

    /** A unit with overdue cases, and how many of them have a notice or an order for the current deadline. */
    public record UnitCount(String unit, String unitName, long overdue, long noticed, long ordered) {}
}
