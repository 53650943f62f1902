package org.openysb.supervision.suspension.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseResumed;
import org.openysb.contracts.events.CaseSuspended;
import org.openysb.contracts.events.SuspensionRejected;
import org.openysb.contracts.events.SuspensionRequested;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;
import org.openysb.supervision.service.CalendarService;
import org.openysb.supervision.service.TrailService;
import org.openysb.supervision.service.TrailText;
import org.openysb.supervision.suspension.model.Suspension;
import org.openysb.supervision.suspension.repository.SuspensionRepository;

/**
 * 中止: requested by the lead unit's handler with reason and basis, approved by a supervisor; the handling clock stands
 * still from the approval until the handler records the complainant's answer or the approved working days run out.
 * On resumption the handling deadline moves by the working days the clock stood still, so on-time counts use the
 * paused clock. Each step appends its event (SuspensionRequested, CaseSuspended, SuspensionRejected, CaseResumed) to
 * the outbox in the transaction of the state change.
 */
@ApplicationScoped
public class SuspensionService {
    private static final Logger LOG = Logger.getLogger(SuspensionService.class);

    private final SuspensionRepository suspensions;
    private final WorkItemRepository workItems;
    private final CalendarService calendar;
    private final TrailService trail;
    private final Outbox outbox;
    private final int maxWorkingDays;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public SuspensionService(
            SuspensionRepository suspensions,
            WorkItemRepository workItems,
            CalendarService calendar,
            TrailService trail,
            Outbox outbox,
            @ConfigProperty(name = "supervision.suspension.max-working-days", defaultValue = "60") int maxWorkingDays) {
        this.suspensions = suspensions;
        this.workItems = workItems;
        this.calendar = calendar;
        this.trail = trail;
        this.outbox = outbox;
        this.maxWorkingDays = maxWorkingDays;
    }

    @Transactional
    public SuspensionView request(
            String caseNumber, String reason, String basis, int workingDays, String actor, Collection<String> units) {
        WorkItem item = leadItem(caseNumber, units);
        if (workingDays > maxWorkingDays) {
            throw DomainException.invalidField(
                    "workingDays",
                    workingDays,
                    "中止不得超过" + maxWorkingDays + "个工作日",
                    "at most " + maxWorkingDays + " working days");
        }
        if (item.status != WorkItem.Status.SIGNED || item.suspended) {
            throw conflict(
                    "suspension-not-allowed",
                    "只有已签收、正在办理的案件可以申请中止",
                    "Only a signed case in progress can be suspended",
                    item);
        }
        if (suspensions.pending(caseNumber).isPresent()) {
            throw conflict(
                    "suspension-pending",
                    "该案件已有待审批或进行中的中止",
                    "The case already has a pending or running suspension",
                    item);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Suspension s = new Suspension();
        s.caseNumber = caseNumber;
        s.state = Suspension.State.REQUESTED;
        s.reason = reason;
        s.basis = basis;
        s.workingDays = workingDays;
        s.requestedBy = actor;
        s.requestedAt = now;
        suspensions.persist(s);
        trail.append(
                caseNumber,
                now,
                actor,
                "suspension-request",
                item.status.name(),
                item.status.name(),
                workingDays + "个工作日；理由：" + reason + "；依据：" + basis);
        outbox.append(
                EventType.SUSPENSION_REQUESTED,
                caseNumber,
                new SuspensionRequested(caseNumber, unit(item), workingDays, reason, basis, actor, now));
        return view(s);
    }

    /** A supervisor approves (the clock stops now) or rejects the requested suspension. */
    @Transactional
    public SuspensionView decide(String caseNumber, boolean approve, String reason, String supervisor) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw DomainException.invalidField(
                    "reason", reason, "不予中止须说明理由（将告知承办单位）", "a rejection needs a reason (the unit is told)");
        }
        Suspension s = suspensions
                .pending(caseNumber)
                .filter(p -> p.state == Suspension.State.REQUESTED)
                .orElseThrow(() -> DomainException.conflict(
                        "no-suspension-requested",
                        "该案件没有待审批的中止申请",
                        "No suspension is awaiting a decision",
                        caseNumber));
        WorkItem item = workItems.findById(caseNumber);
        OffsetDateTime now = OffsetDateTime.now(clock);
        s.decidedBy = supervisor;
        s.decidedAt = now;
        s.decisionReason = reason;
        if (approve) {
            try {
                item.suspend(now);
            } catch (WorkItem.IllegalTransition e) {
                throw conflict("suspension-not-allowed", "案件已不在办理中，不能中止", "The case is no longer in progress", item);
            }
            s.state = Suspension.State.ACTIVE;
            s.startedAt = now;
            s.resumeBy = calendar.deadlineAfterWorkingDays(now, s.workingDays);
            outbox.append(
                    EventType.CASE_SUSPENDED,
                    caseNumber,
                    new CaseSuspended(
                            caseNumber, unit(item), s.workingDays, s.reason, s.basis, s.resumeBy, supervisor, now));
        } else {
            s.state = Suspension.State.REJECTED;
            outbox.append(
                    EventType.SUSPENSION_REJECTED,
                    caseNumber,
                    new SuspensionRejected(
                            caseNumber,
                            unit(item),
                            reason == null || reason.isBlank() ? null : reason,
                            supervisor,
                            now));
        }
        trail.append(
                caseNumber,
                now,
                supervisor,
                approve ? "suspension-approve" : "suspension-reject",
                item.status.name(),
                item.status.name(),
                approve ? "中止至迟 " + TrailText.time(s.resumeBy) + " 恢复" + suffix(reason) : "不予中止" + suffix(reason));
        return view(s);
    }

    /** The handler records the answer that was awaited; the clock runs again. */
    @Transactional
    public SuspensionView resume(String caseNumber, String note, String actor, Collection<String> units) {
        leadItem(caseNumber, units);
        Suspension s = suspensions
                .pending(caseNumber)
                .filter(p -> p.state == Suspension.State.ACTIVE)
                .orElseThrow(() -> DomainException.conflict(
                        "not-suspended", "该案件未处于中止状态", "The case is not suspended", caseNumber));
        end(s, note, actor, OffsetDateTime.now(clock));
        return view(s);
    }

    @Transactional
    public Optional<SuspensionView> latest(String caseNumber) {
        return suspensions.latest(caseNumber).map(SuspensionService::view);
    }

    /** Requests awaiting a supervisor's decision, oldest first. */
    @Transactional
    public List<SuspensionView> awaitingDecision(int limit) {
        return suspensions.inState(Suspension.State.REQUESTED, limit).stream()
                .map(SuspensionService::view)
                .toList();
    }

    /** Resumes the suspensions whose approved time ran out; each in its own transaction. */
    public int resumeExpired(OffsetDateTime now) {
        int resumed = 0;
        for (Long id : QuarkusTransaction.requiringNew().call(() -> suspensions.dueToResume(now, 200))) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                Suspension s = suspensions.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (s == null || s.state != Suspension.State.ACTIVE || s.resumeBy.isAfter(now)) {
                    return false;
                }
                end(s, "中止期满，自动恢复办理", "SYSTEM", now);
                return true;
            });
            resumed += done ? 1 : 0;
        }
        return resumed;
    }

    @Scheduled(
            identity = "suspension-expiry",
            every = "${supervision.sweep.interval:60s}",
            delay = 40,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledResume() {
        try {
            int resumed = resumeExpired(OffsetDateTime.now(clock));
            if (resumed > 0) {
                LOG.infof("resumed %d suspended cases whose time ran out", resumed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("suspension expiry failed, will retry: %s", e.getMessage());
        }
    }

    private void end(Suspension s, String note, String actor, OffsetDateTime now) {
        WorkItem item = workItems.findById(s.caseNumber);
        WorkingCalendar cal = calendar.calendar();
        int paused = cal.workingDaysBetween(s.startedAt, now);
        OffsetDateTime previous = item.handlingDeadline;
        OffsetDateTime moved = paused == 0 ? previous : cal.addWorkingDays(previous, paused);
        item.resume(moved, now);
        s.state = Suspension.State.ENDED;
        s.endedAt = now;
        s.endedBy = actor;
        s.resumeNote = note;
        s.pausedWorkingDays = paused;
        trail.append(
                s.caseNumber,
                now,
                actor,
                "suspension-resume",
                item.status.name(),
                item.status.name(),
                "中止" + paused + "个工作日，办理期限 " + TrailText.time(previous) + " → " + TrailText.time(moved) + suffix(note));
        outbox.append(
                EventType.CASE_RESUMED,
                s.caseNumber,
                new CaseResumed(
                        s.caseNumber,
                        unit(item),
                        paused,
                        previous,
                        moved,
                        actor,
                        now,
                        !item.urgent && calendar.calendar().isProvisional(moved)));
    }

    private static UnitRef unit(WorkItem item) {
        return new UnitRef(item.leadUnit, item.leadName);
    }

    private WorkItem leadItem(String caseNumber, Collection<String> units) {
        WorkItem item = workItems.findById(caseNumber);
        if (item == null || !units.contains(item.leadUnit)) {
            throw DomainException.notFound("work item", caseNumber);
        }
        return item;
    }

    private static DomainException conflict(String slug, String title, String titleEn, WorkItem item) {
        return DomainException.conflict(
                slug, title, titleEn, item.caseNumber + " is " + item.status + (item.suspended ? " (suspended)" : ""));
    }

    private static String suffix(String text) {
        return text == null || text.isBlank() ? "" : "；" + text;
    }

    static SuspensionView view(Suspension s) {
        return new SuspensionView(
                s.caseNumber,
                s.state.name(),
                s.reason,
                s.basis,
                s.workingDays,
                s.requestedBy,
                china(s.requestedAt),
                s.decidedBy,
                china(s.decidedAt),
                s.decisionReason,
                china(s.startedAt),
                china(s.resumeBy),
                china(s.endedAt),
                s.endedBy,
                s.resumeNote,
                s.pausedWorkingDays);
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
