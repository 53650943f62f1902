package org.openysb.supervision.casefile.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;

/** Turns a work item's deadlines into countdowns on the working-day calendar. */
public final class Clocks {
    private Clocks() {}

    /** Every clock that applies to the case now, in the order a case meets them. */
    public static List<ClockView> of(WorkItem item, WorkingCalendar calendar, OffsetDateTime now) {
        List<ClockView> clocks = new ArrayList<>();
        add(clocks, item, calendar, now, "SIGN_FOR", item.signForDeadline, item.signedAt);
        add(clocks, item, calendar, now, "FIRST_CONTACT", item.firstContactDeadline, item.firstContactAt);
        if (item.returnRequestedAt != null || (open(item) && now.isBefore(item.returnDeadline) && !item.designated)) {
            add(clocks, item, calendar, now, "RETURN", item.returnDeadline, item.returnRequestedAt);
        }
        add(clocks, item, calendar, now, "HANDLING", item.handlingDeadline, item.repliedAt);
        if (item.followUpDeadline != null) {
            add(clocks, item, calendar, now, "FOLLOW_UP", item.followUpDeadline, item.followedUpAt);
        }
        return clocks;
    }

    /** The clock a queue sorts and shows: sign-for until signed, then handling; follow-up once replied. */
    public static ClockView next(WorkItem item, WorkingCalendar calendar, OffsetDateTime now) {
        return switch (item.status) {
            case ASSIGNED -> clock(item, calendar, now, "SIGN_FOR", item.signForDeadline, item.signedAt);
            case RETURN_REQUESTED -> null;
            case REPLIED, CLOSED -> clock(item, calendar, now, "HANDLING", item.handlingDeadline, item.repliedAt);
            default -> clock(item, calendar, now, "HANDLING", item.handlingDeadline, item.repliedAt);
        };
    }

    private static void add(
            List<ClockView> clocks,
            WorkItem item,
            WorkingCalendar calendar,
            OffsetDateTime now,
            String kind,
            OffsetDateTime deadline,
            OffsetDateTime doneAt) {
        if (deadline == null || (doneAt == null && !open(item) && item.status != WorkItem.Status.REPLIED)) {
            return; // a clock that stopped without being met (closed, returned): nothing to count down
        }
        if (doneAt == null && item.status == WorkItem.Status.REPLIED && !"FOLLOW_UP".equals(kind)) {
            return;
        }
        clocks.add(clock(item, calendar, now, kind, deadline, doneAt));
    }

    static ClockView clock(
            WorkItem item,
            WorkingCalendar calendar,
            OffsetDateTime now,
            String kind,
            OffsetDateTime deadline,
            OffsetDateTime doneAt) {
        OffsetDateTime at = china(deadline);
        boolean onTheClock = item.urgent && ("HANDLING".equals(kind) || "SIGN_FOR".equals(kind));
        boolean provisional = !onTheClock && calendar.isProvisional(deadline);
        if (doneAt != null) {
            return new ClockView(
                    kind,
                    at,
                    china(doneAt),
                    doneAt.isAfter(deadline) ? "DONE_LATE" : "DONE",
                    null,
                    null,
                    false,
                    provisional);
        }
        boolean paused = "HANDLING".equals(kind) && item.suspended && item.suspendedAt != null;
        OffsetDateTime reference = paused ? item.suspendedAt : now;
        if (!reference.isAfter(deadline)) {
            return new ClockView(
                    kind,
                    at,
                    null,
                    "OPEN",
                    calendar.workingDaysBetween(reference, deadline),
                    null,
                    paused,
                    provisional);
        }
        return new ClockView(
                kind, at, null, "MISSED", null, calendar.workingDaysBetween(deadline, reference), paused, provisional);
    }

    private static boolean open(WorkItem item) {
        return item.status == WorkItem.Status.ASSIGNED || item.status == WorkItem.Status.SIGNED;
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
