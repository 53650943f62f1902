package org.openysb.supervision.casefile.service;

import java.time.OffsetDateTime;

/**
 * One clock of a case as a countdown: 剩余 N 个工作日 while open, 已超期 N 个工作日 once missed.
 *
 * @param kind SIGN_FOR, FIRST_CONTACT, RETURN, HANDLING or FOLLOW_UP
 * @param state OPEN, DONE, DONE_LATE or MISSED
 * @param workingDaysLeft working days from today to the deadline's day while open (0: due today); frozen while paused
 * @param overdueWorkingDays working days since the deadline's day once missed (0: missed earlier today)
 * @param paused the handling clock stands still while the case is suspended (中止)
 * @param deadlineProvisional the deadline rests on the provisional calendar of a year whose holiday notice is not
 *     loaded yet (暂定; recomputed when it is)
 */
public record ClockView(
        String kind,
        OffsetDateTime deadline,
        OffsetDateTime doneAt,
        String state,
        Integer workingDaysLeft,
        Integer overdueWorkingDays,
        boolean paused,
        boolean deadlineProvisional) {}
