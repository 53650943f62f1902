package org.openysb.supervision.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.problem.DomainException;
import org.openysb.supervision.model.WorkingCalendar;

/**
 * When a complaint filed now can expect its reply: the handling limit of its type (or the urgent limit on the clock)
 * from the configured limits, counted on the working-day calendar by the code that sets case deadlines.
 */
@ApplicationScoped
public class ExpectedReplyService {
    private final TimeLimits limits;
    private final CalendarService calendar;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public ExpectedReplyService(TimeLimits limits, CalendarService calendar) {
        this.limits = limits;
        this.calendar = calendar;
    }

    /**
     * The limit and the deadline; {@code workingDays} null for an urgent case, {@code calendarHours} otherwise;
     * {@code deadlineProvisional}: the deadline rests on the provisional calendar of a year without a notice (暂定).
     */
    public record ExpectedReply(
            String type,
            Integer workingDays,
            Long calendarHours,
            OffsetDateTime from,
            OffsetDateTime deadline,
            boolean deadlineProvisional) {}

    public ExpectedReply expectedReply(String type, boolean urgent) {
        Map<String, Integer> byType = limits.handlingWorkingDays();
        if (type == null || !byType.containsKey(type)) {
            String types = String.join(", ", new TreeSet<>(byType.keySet()));
            throw DomainException.invalidField("type", type, "诉求类型应为以下之一：" + types, "type is one of " + types);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (urgent) {
            return new ExpectedReply(
                    type,
                    null,
                    limits.urgentHandling().toHours(),
                    now,
                    calendar.deadlineAfter(now, limits.urgentHandling()),
                    false);
        }
        int days = byType.get(type);
        OffsetDateTime deadline = calendar.deadlineAfterWorkingDays(now, days);
        return new ExpectedReply(
                type, days, null, now, deadline, calendar.calendar().isProvisional(deadline));
    }
}
