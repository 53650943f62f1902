package org.openysb.supervision.queue.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.casefile.service.ClockView;
import org.openysb.supervision.casefile.service.Clocks;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.queue.repository.QueueRepository;
import org.openysb.supervision.repository.SqlTime;
import org.openysb.supervision.service.CalendarService;
import org.openysb.supervision.service.CaseActionService;

/** A unit's queue, one page at a time, with every tab's count; and signing for several cases at once. */
@ApplicationScoped
public class QueueService {
    /** In progress and due within this many working days: highlighted (即将到期). */
    private static final int DUE_SOON_WORKING_DAYS = 2;

    private final QueueRepository queue;
    private final CalendarService calendar;
    private final CaseActionService actions;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public QueueService(QueueRepository queue, CalendarService calendar, CaseActionService actions) {
        this.queue = queue;
        this.calendar = calendar;
        this.actions = actions;
    }

    @Transactional
    public QueuePage page(QueueQuery query) {
        if (!query.allUnits() && query.units().isEmpty()) {
            return new QueuePage(List.of(), query.page(), query.size(), 0, Map.of());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingCalendar cal = calendar.calendar();
        OffsetDateTime soon = cal.addWorkingDays(now, DUE_SOON_WORKING_DAYS);
        List<QueuePage.Item> items = queue.page(query, now, soon).stream()
                .map(row -> item(row, cal, now, soon))
                .toList();
        return new QueuePage(
                items, query.page(), query.size(), queue.total(query, now, soon), queue.counts(query, now, soon));
    }

    /** One result per case, in the order asked: signed, or the problem that prevented it. */
    public List<SignResult> signAll(List<String> caseNumbers, String actor, Collection<String> units) {
        List<SignResult> results = new ArrayList<>();
        for (String caseNumber : caseNumbers) {
            try {
                results.add(new SignResult(
                        caseNumber,
                        true,
                        actions.signCase(caseNumber, actor, units).status(),
                        null));
            } catch (DomainException e) {
                results.add(new SignResult(
                        caseNumber,
                        false,
                        null,
                        new SignResult.Failure(e.status(), e.title(), e.titleEn(), e.getMessage())));
            }
        }
        return results;
    }

    @Transactional
    public FollowUpDue followUpsDue(int page, int size) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        WorkingCalendar cal = calendar.calendar();
        List<FollowUpDue.Item> items = queue.followUpsDue(now, page, size).stream()
                .map(r -> new FollowUpDue.Item(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        china(SqlTime.of(r[3])),
                        (String) r[4],
                        (String) r[5],
                        china(SqlTime.of(r[6])),
                        (String) r[7],
                        (Boolean) r[8],
                        cal.isProvisional(SqlTime.of(r[6]))))
                .toList();
        return new FollowUpDue(items, page, size, queue.followUpsDueCount(now));
    }

    private static QueuePage.Item item(
            QueueRepository.Row row, WorkingCalendar cal, OffsetDateTime now, OffsetDateTime soon) {
        WorkItem item = new WorkItem();
        item.caseNumber = row.caseNumber();
        item.status = WorkItem.Status.valueOf(row.status());
        item.signForDeadline = row.signForDeadline();
        item.handlingDeadline = row.handlingDeadline();
        item.signedAt = row.signedAt();
        item.repliedAt = row.repliedAt();
        item.suspended = row.suspended();
        item.suspendedAt = row.suspendedAt();
        boolean open = item.status == WorkItem.Status.ASSIGNED || item.status == WorkItem.Status.SIGNED;
        boolean overdue = open && !row.suspended() && now.isAfter(row.handlingDeadline());
        boolean dueSoon =
                open && !overdue && !row.suspended() && row.handlingDeadline().isBefore(soon);
        ClockView clock = Clocks.next(item, cal, now);
        return new QueuePage.Item(
                row.caseNumber(),
                row.lead() ? "LEAD" : "CO",
                row.leadUnit(),
                row.leadName(),
                row.title(),
                row.type(),
                row.urgent(),
                row.category(),
                row.channel(),
                row.district(),
                row.status(),
                china(row.assignedAt()),
                row.reopenCount(),
                row.suspended(),
                dueSoon,
                overdue,
                clock,
                row.lead() ? null : row.coPartSubmitted());
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
