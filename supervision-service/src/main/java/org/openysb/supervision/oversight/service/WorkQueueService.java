package org.openysb.supervision.oversight.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.oversight.repository.WorkQueueRepository;
import org.openysb.supervision.repository.SqlTime;
import org.openysb.supervision.service.CalendarService;
import org.openysb.supervision.service.TimeLimits;

/**
 * What a supervisor works through (督办工作台): requests to decide, overdue cases with what was issued about them, and
 * dissatisfied follow-ups. The decisions themselves go through the existing actions (extension and suspension
 * decisions, 重办, 销号).
 */
@ApplicationScoped
public class WorkQueueService {
    /** Pending requests listed per kind; the totals count them all. */
    static final int APPROVALS_LIMIT = 200;

    public static final List<String> LEVELS = List.of("NONE", "REMINDER", "NOTICE", "ORDER");

    private static final Pattern NUMBER = Pattern.compile("(?:CB|DB)-[A-Za-z0-9]+-\\d+");

    private final WorkQueueRepository queues;
    private final CalendarService calendar;
    private final TimeLimits limits;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public WorkQueueService(WorkQueueRepository queues, CalendarService calendar, TimeLimits limits) {
        this.queues = queues;
        this.calendar = calendar;
        this.limits = limits;
    }

    @Transactional
    public Approvals approvals() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingCalendar cal = calendar.calendar();
        List<Approvals.Item> extensions = queues.pendingExtensions(APPROVALS_LIMIT).stream()
                .map(r -> request("EXTENSION", r, cal, now))
                .toList();
        List<Approvals.Item> suspensions = queues.pendingSuspensions(APPROVALS_LIMIT).stream()
                .map(r -> request("SUSPENSION", r, cal, now))
                .toList();
        return new Approvals(extensions, queues.pendingExtensionCount(), suspensions, queues.pendingSuspensionCount());
    }

    /** One page of the overdue board; {@code unit} and {@code level} (one of {@link #LEVELS}) are optional. */
    @Transactional
    public OverdueBoard overdue(String unit, String level, int page, int size) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingCalendar cal = calendar.calendar();
        List<WorkQueueRepository.OverdueRow> rows = queues.overdue(now, unit, level, page, size);
        Map<String, List<OverdueBoard.Escalation>> issued = new LinkedHashMap<>();
        for (Object[] e : queues.escalations(
                rows.stream().map(WorkQueueRepository.OverdueRow::caseNumber).toList())) {
            issued.computeIfAbsent((String) e[0], k -> new ArrayList<>())
                    .add(new OverdueBoard.Escalation(
                            (String) e[1],
                            (String) e[2],
                            china(SqlTime.of(e[3])),
                            china(SqlTime.of(e[4])),
                            number((String) e[5])));
        }
        List<OverdueBoard.Item> items = rows.stream()
                .map(r -> new OverdueBoard.Item(
                        r.caseNumber(),
                        r.title(),
                        r.leadUnit(),
                        r.leadName(),
                        r.type(),
                        r.urgent(),
                        r.category(),
                        r.status(),
                        china(r.assignedAt()),
                        china(r.handlingDeadline()),
                        cal.workingDaysBetween(r.handlingDeadline(), now),
                        r.reopenCount(),
                        r.extensionState(),
                        r.level(),
                        issued.getOrDefault(r.caseNumber(), List.of()),
                        !r.urgent() && cal.isProvisional(r.handlingDeadline())))
                .toList();
        List<OverdueBoard.UnitCount> units = queues.overdueByUnit(now).stream()
                .map(u -> new OverdueBoard.UnitCount(
                        (String) u[0],
                        (String) u[1],
                        ((Number) u[2]).longValue(),
                        ((Number) u[3]).longValue(),
                        ((Number) u[4]).longValue()))
                .toList();
        return new OverdueBoard(items, page, size, queues.overdueCount(now, unit, level), units);
    }

    @Transactional
    public Dissatisfied dissatisfied(String unit, int page, int size) {
        int max = limits.maxReopens();
        List<Dissatisfied.Item> items = queues.dissatisfied(unit, page, size).stream()
                .map(r -> new Dissatisfied.Item(
                        r.caseNumber(),
                        r.title(),
                        r.leadUnit(),
                        r.leadName(),
                        r.type(),
                        r.category(),
                        china(r.repliedAt()),
                        r.replyResult(),
                        r.replyText(),
                        r.rating(),
                        r.solved(),
                        comment(r.followUpDetail()),
                        china(r.followedUpAt()),
                        r.followedUpBy(),
                        r.reopenCount(),
                        r.reopenCount() < max))
                .toList();
        return new Dissatisfied(items, page, size, queues.dissatisfiedCount(unit), max);
    }

    private static Approvals.Item request(
            String kind, WorkQueueRepository.RequestRow r, WorkingCalendar cal, OffsetDateTime now) {
        OffsetDateTime deadline = r.handlingDeadline();
        int left =
                now.isAfter(deadline) ? -cal.workingDaysBetween(deadline, now) : cal.workingDaysBetween(now, deadline);
        OffsetDateTime proposed = "EXTENSION".equals(kind) ? cal.addWorkingDays(deadline, r.workingDays()) : null;
        return new Approvals.Item(
                kind,
                r.caseNumber(),
                r.title(),
                r.leadUnit(),
                r.leadName(),
                r.type(),
                r.urgent(),
                r.category(),
                r.status(),
                china(r.assignedAt()),
                china(deadline),
                left,
                r.reopenCount(),
                r.workingDays(),
                r.reason(),
                r.basis(),
                r.requestedBy(),
                china(r.requestedAt()),
                china(proposed),
                !r.urgent() && cal.isProvisional(deadline),
                cal.isProvisional(proposed));
    }

    /** The document number a notice's or an order's trail text names (催办通知书 CB-…, 督办单 DB-…). */
    static String number(String trailText) {
        if (trailText == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(trailText);
        return m.find() ? m.group() : null;
    }

    /** The comment of a follow-up's trail text ("DISSATISFIED，未解决；comment"), or null when none was given. */
    static String comment(String trailText) {
        if (trailText == null) {
            return null;
        }
        int at = trailText.indexOf('；');
        String comment = at < 0 ? "" : trailText.substring(at + 1).trim();
        return comment.isEmpty() ? null : comment;
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
