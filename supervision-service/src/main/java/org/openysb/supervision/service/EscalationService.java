package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ReminderDue;
import org.openysb.contracts.events.ReminderNoticeIssued;
import org.openysb.contracts.events.SupervisionOrderIssued;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.supervision.metrics.service.DeadlineDecisions;
import org.openysb.supervision.metrics.service.MetricsRecorder;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;

/**
 * 催办、督办: the sweep that finds every reminder, reminder notice and supervision order that is due and issues it
 * exactly once. Candidates are locked with {@code for update skip locked} and every issue is a row of
 * {@code escalation} with a unique key, so any number of instances may sweep at the same time. The state lives in
 * the database, so a restart loses no timer.
 */
@ApplicationScoped
public class EscalationService {
    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    private final EntityManager entityManager;
    private final WorkItemRepository workItems;
    private final CalendarService calendar;
    private final TimeLimits limits;
    private final TrailService trail;
    private final CaseActionService actions;
    private final Outbox outbox;
    private final MetricsRecorder metrics;

    private final ClueService clues;
    private final DeadlineDecisions decisions;
    private final int batchSize;

    public EscalationService(
            EntityManager entityManager,
            WorkItemRepository workItems,
            CalendarService calendar,
            TimeLimits limits,
            TrailService trail,
            CaseActionService actions,
            Outbox outbox,
            MetricsRecorder metrics,
            ClueService clues,
            DeadlineDecisions decisions,
            @ConfigProperty(name = "supervision.sweep.batch-size", defaultValue = "500") int batchSize) {
        this.batchSize = batchSize;
        this.metrics = metrics;
        this.clues = clues;
        this.decisions = decisions;
        this.entityManager = entityManager;
        this.workItems = workItems;
        this.calendar = calendar;
        this.limits = limits;
        this.trail = trail;
        this.actions = actions;
        this.outbox = outbox;
    }

    @Scheduled(
            identity = "escalation-sweep",
            every = "${supervision.sweep.interval:60s}",
            delay = 30,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        try {
            int issued = sweep(OffsetDateTime.now(WorkingCalendar.CHINA));
            if (issued > 0) {
                LOG.infof("escalation sweep issued %d reminders, notices, orders and closures", issued);
            }
        } catch (RuntimeException e) {
            LOG.warnf("escalation sweep failed, will retry: %s", e.getMessage());
        }
    }

    /** Issues everything due at {@code now}; returns how many reminders, notices, orders and closures it issued. */
    public int sweep(OffsetDateTime now) {
        int issued = 0;
        issued += reminders(now);
        issued += overdue(now);
        issued += expiredFollowUps(now);
        // sign-for and first-contact deadlines passed undecided: the rates count them now (not an issue, not counted)
        decisions.decideLapsed(now, batchSize);
        return issued;
    }

    /**
     * Reminders at the configured percentages of the sign-for and handling limits. Reads only the open cases whose
     * {@code next_reminder_at} has come (an index range), claims them with "for update skip locked", issues every
     * reminder due and not yet issued (the escalation table's key makes each one once), and moves
     * {@code next_reminder_at} to the next reminder point ahead.
     */
    private int reminders(OffsetDateTime now) {
        int total = 0;
        int[] claimed = new int[1];
        do {
            total += QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<String> due = entityManager
                        .createNativeQuery("select case_number from work_item where status in ('ASSIGNED', 'SIGNED')"
                                + " and next_reminder_at <= ?1 order by next_reminder_at limit ?2"
                                + " for update skip locked")
                        .setParameter(1, now)
                        .setParameter(2, batchSize)
                        .getResultList();
                claimed[0] = due.size();
                int n = 0;
                for (String caseNumber : due) {
                    WorkItem item = workItems.findById(caseNumber);
                    OffsetDateTime next = null;
                    for (ReminderClock clock : clocksOf(item)) {
                        for (int percent : limits.reminderPercents()) {
                            OffsetDateTime at = pointOf(item.assignedAt, clock.deadline(), percent);
                            if (!at.isBefore(clock.deadline())) {
                                continue;
                            }
                            if (at.isAfter(now)) {
                                next = next == null || at.isBefore(next) ? at : next;
                            } else if (now.isBefore(clock.deadline())
                                    && record(caseNumber, clock.name(), "R" + percent, clock.deadline(), now)) {
                                outbox.append(
                                        EventType.REMINDER_DUE,
                                        caseNumber,
                                        new ReminderDue(
                                                caseNumber, unit(item), clock.name(), percent, clock.deadline()));
                                n++;
                            }
                        }
                    }
                    // a native update: the sweep does not compete with handlers for the row version; a handler's
                    // later write of an older value only makes the sweep look again, which issues nothing twice
                    entityManager
                            .createNativeQuery("update work_item set next_reminder_at = ?1 where case_number = ?2")
                            .setParameter(1, next)
                            .setParameter(2, caseNumber)
                            .executeUpdate();
                }
                return n;
            });
        } while (claimed[0] == batchSize);
        return total;
    }

    private record ReminderClock(String name, OffsetDateTime deadline) {}

    /** The clocks a case's reminders run on: handling while open, sign-for until signed. */
    private static List<ReminderClock> clocksOf(WorkItem item) {
        ReminderClock handling = new ReminderClock("HANDLING", item.handlingDeadline);
        return item.status == WorkItem.Status.ASSIGNED
                ? List.of(handling, new ReminderClock("SIGN_FOR", item.signForDeadline))
                : List.of(handling);
    }

    /** The moment {@code percent} % of the time from {@code start} to {@code deadline} has run. */
    static OffsetDateTime pointOf(OffsetDateTime start, OffsetDateTime deadline, int percent) {
        long millis = java.time.Duration.between(start, deadline).toMillis();
        return start.plus(java.time.Duration.ofMillis(Math.floorDiv(millis * percent, 100)));
    }

    /** 催办通知书 the working day after the deadline; 督办单 and a clue when still overdue N working days later. */
    private int overdue(OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> late = entityManager
                    .createNativeQuery("select w.case_number from work_item w where w.status in ('ASSIGNED', 'SIGNED')"
                            + " and not w.suspended and w.handling_deadline < ?1"
                            + " and not exists (select 1 from escalation e where e.case_number = w.case_number"
                            + " and e.clock = 'HANDLING' and e.level = 'ORDER' and e.deadline = w.handling_deadline)"
                            + " order by w.handling_deadline limit ?2 for update skip locked")
                    .setParameter(1, now)
                    .setParameter(2, batchSize)
                    .getResultList();
            int n = 0;
            WorkingCalendar cal = calendar.calendar();
            for (String caseNumber : late) {
                WorkItem item = workItems.findById(caseNumber);
                int overdueDays = cal.workingDaysBetween(item.handlingDeadline, now);
                metrics.due(item, false);
                if (overdueDays >= 1 && record(caseNumber, "HANDLING", "NOTICE", item.handlingDeadline, now)) {
                    String number = "CB-" + caseNumber + "-" + (item.reopenCount + 1);
                    outbox.append(
                            EventType.REMINDER_NOTICE_ISSUED,
                            caseNumber,
                            new ReminderNoticeIssued(
                                    caseNumber,
                                    unit(item),
                                    "HANDLING",
                                    item.handlingDeadline,
                                    overdueDays,
                                    number,
                                    "SYSTEM",
                                    now));
                    trail.append(
                            caseNumber,
                            now,
                            "SYSTEM",
                            "reminder-notice",
                            item.status.name(),
                            item.status.name(),
                            "催办通知书 " + number + "，已超期" + overdueDays + "个工作日");
                    n++;
                }
                if (overdueDays >= 1 + limits.supervisionOrderAfterWorkingDays()
                        && record(caseNumber, "HANDLING", "ORDER", item.handlingDeadline, now)) {
                    String number = "DB-" + caseNumber + "-" + (item.reopenCount + 1);
                    outbox.append(
                            EventType.SUPERVISION_ORDER_ISSUED,
                            caseNumber,
                            new SupervisionOrderIssued(
                                    caseNumber,
                                    unit(item),
                                    "HANDLING",
                                    item.handlingDeadline,
                                    overdueDays,
                                    number,
                                    "SYSTEM",
                                    now));
                    clues.raiseAutomatic(
                            caseNumber,
                            unit(item),
                            "OVERDUE_AFTER_ORDER",
                            item.leadName + "办理" + caseNumber + "超期" + overdueDays + "个工作日，已发督办单 " + number,
                            null,
                            item.handlingDeadline.toInstant().toString(),
                            now);
                    trail.append(
                            caseNumber,
                            now,
                            "SYSTEM",
                            "supervision-order",
                            item.status.name(),
                            item.status.name(),
                            "督办单 " + number + "，并移送纪检监察线索");
                    n++;
                }
            }
            return n;
        });
    }

    private int expiredFollowUps(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<String> expired = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select case_number from work_item where status = 'REPLIED'"
                        + " and followed_up_at is null and follow_up_deadline < ?1 limit ?2")
                .setParameter(1, now)
                .setParameter(2, batchSize)
                .getResultList());
        int n = 0;
        for (String caseNumber : expired) {
            try {
                if (actions.closeUnrated(caseNumber, now)) {
                    n++;
                }
            } catch (RuntimeException concurrent) {
                // another instance closed it first (optimistic lock): nothing to do
            }
        }
        return n;
    }

    private boolean record(String caseNumber, String clock, String level, OffsetDateTime deadline, OffsetDateTime now) {
        return entityManager
                        .createNativeQuery("insert into escalation (case_number, clock, level, deadline, issued_at)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                        .setParameter(1, caseNumber)
                        .setParameter(2, clock)
                        .setParameter(3, level)
                        .setParameter(4, deadline.withOffsetSameInstant(ZoneOffset.UTC))
                        .setParameter(5, now)
                        .executeUpdate()
                == 1;
    }

    private static UnitRef unit(WorkItem item) {
        return new UnitRef(item.leadUnit, item.leadName);
    }
}
