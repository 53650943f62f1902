package org.openysb.supervision.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseClosed;
import org.openysb.contracts.events.CaseReopened;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.CoHandlingPartSubmitted;
import org.openysb.contracts.events.ExtensionApproved;
import org.openysb.contracts.events.ExtensionRejected;
import org.openysb.contracts.events.ExtensionRequested;
import org.openysb.contracts.events.FirstContactMade;
import org.openysb.contracts.events.FollowUpRecorded;
import org.openysb.contracts.events.ReturnRequested;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.service.MetricsRecorder;
import org.openysb.supervision.model.FollowUpRefused;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;

/** What a handler of the lead unit does with a case: sign for it, contact the complainant first, reply. */
@ApplicationScoped
public class CaseActionService {
    private static final Logger LOG = Logger.getLogger(CaseActionService.class);

    private final WorkItemRepository workItems;
    private final CalendarService calendar;
    private final TimeLimits limits;
    private final TrailService trail;
    private final Outbox outbox;
    private final MetricsRecorder metrics;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public CaseActionService(
            WorkItemRepository workItems,
            CalendarService calendar,
            TimeLimits limits,
            TrailService trail,
            Outbox outbox,
            MetricsRecorder metrics) {
        this.workItems = workItems;
        this.calendar = calendar;
        this.limits = limits;
        this.trail = trail;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public WorkItemView signCase(String caseNumber, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        perform(() -> item.sign(actor, now));
        boolean onTime = !now.isAfter(item.signForDeadline);
        metrics.signDecided(item, onTime);
        trail.append(caseNumber, now, actor, "sign", before, item.status.name(), onTime ? "按时签收" : "超时签收");
        outbox.append(EventType.CASE_SIGNED, caseNumber, new CaseSigned(caseNumber, unit(item), actor, now, onTime));
        log(caseNumber, "signed by %s (%s)", actor, onTime ? "on time" : "late");
        return WorkItemService.view(item, calendar.calendar());
    }

    @Transactional
    public WorkItemView recordFirstContact(
            String caseNumber, String method, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        perform(() -> item.recordFirstContact(method, now));
        boolean onTime = !now.isAfter(item.firstContactDeadline);
        metrics.responseDecided(item, onTime && item.signedAt != null && !item.signedAt.isAfter(item.signForDeadline));
        trail.append(
                caseNumber,
                now,
                actor,
                "first-contact",
                item.status.name(),
                item.status.name(),
                "方式：" + TrailText.word(method));
        outbox.append(
                EventType.FIRST_CONTACT_MADE,
                caseNumber,
                new FirstContactMade(caseNumber, unit(item), method, actor, now, onTime));
        log(caseNumber, "first contact by %s via %s", actor, method);
        return WorkItemService.view(item, calendar.calendar());
    }

    @Transactional
    public WorkItemView replyToComplainant(
            String caseNumber, String resultCode, String text, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        OffsetDateTime followUpBy = calendar.deadlineAfterWorkingDays(now, limits.followUpWorkingDays());
        perform(() -> item.reply(resultCode, text, now, followUpBy, limits.replyNeedsCoUnitParts()));
        boolean onTime = !now.isAfter(item.handlingDeadline);
        metrics.count(item, Metric.REPLIED, now);
        metrics.due(item, onTime);
        trail.append(
                caseNumber, now, actor, "reply", before, item.status.name(), TrailText.word(resultCode) + "：" + text);
        outbox.append(
                EventType.CASE_REPLIED,
                caseNumber,
                new CaseReplied(
                        caseNumber,
                        unit(item),
                        resultCode,
                        text,
                        actor,
                        now,
                        onTime,
                        followUpBy,
                        calendar.calendar().isProvisional(followUpBy)));
        log(caseNumber, "replied by %s with %s (%s)", actor, resultCode, onTime ? "on time" : "late");
        return WorkItemService.view(item, calendar.calendar());
    }

    /** 退单申请: sent to case-routing, which reroutes or sends it to arbitration. */
    @Transactional
    public WorkItemView requestReturn(
            String caseNumber, String reason, String basis, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        perform(() -> item.requestReturn(now));
        metrics.count(item, Metric.RETURNS, item.assignedAt);
        trail.append(caseNumber, now, actor, "return", before, item.status.name(), "理由：" + reason + "；依据：" + basis);
        outbox.append(
                EventType.RETURN_REQUESTED,
                caseNumber,
                new ReturnRequested(caseNumber, unit(item), reason, basis, actor, now));
        return WorkItemService.view(item, calendar.calendar());
    }

    /** 延期申请: before the deadline with at least the configured notice, at most once, at most N working days. */
    @Transactional
    public WorkItemView requestExtension(
            String caseNumber, int workingDays, String reason, String basis, String actor, Collection<String> units) {
        WorkItem item = ownItem(caseNumber, units);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (workingDays > limits.maxExtensionWorkingDays()) {
            throw DomainException.invalidField(
                    "workingDays",
                    workingDays,
                    "延期不得超过" + limits.maxExtensionWorkingDays() + "个工作日",
                    "at most " + limits.maxExtensionWorkingDays() + " working days");
        }
        if (calendar.calendar().workingDaysBetween(now, item.handlingDeadline) < limits.extensionNotice()) {
            throw DomainException.conflict(
                    "extension-too-late",
                    "延期须在办理期限届满前至少" + limits.extensionNotice() + "个工作日提出",
                    "An extension must be requested at least " + limits.extensionNotice()
                            + " working day(s) before the deadline",
                    "deadline " + item.handlingDeadline);
        }
        perform(() -> item.requestExtension(workingDays, reason, basis, now));
        trail.append(
                caseNumber,
                now,
                actor,
                "extension-request",
                item.status.name(),
                item.status.name(),
                workingDays + "个工作日；理由：" + reason + "；依据：" + basis);
        outbox.append(
                EventType.EXTENSION_REQUESTED,
                caseNumber,
                new ExtensionRequested(
                        caseNumber, unit(item), workingDays, reason, basis, item.handlingDeadline, actor, now));
        return WorkItemService.view(item, calendar.calendar());
    }

    /** A supervisor approves or rejects the pending extension. */
    @Transactional
    public WorkItemView decideExtension(String caseNumber, boolean approve, String reason, String supervisor) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw DomainException.invalidField(
                    "reason", reason, "不予延期须说明理由（将告知承办单位）", "a rejection needs a reason (the unit is told)");
        }
        WorkItem item = anyItem(caseNumber);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime previous = item.handlingDeadline;
        if (approve) {
            OffsetDateTime extended = item.extensionDays == null
                    ? previous
                    : calendar.calendar().addWorkingDays(previous, item.extensionDays);
            perform(() -> item.approveExtension(extended, now));
            outbox.append(
                    EventType.EXTENSION_APPROVED,
                    caseNumber,
                    new ExtensionApproved(
                            caseNumber,
                            unit(item),
                            item.extensionDays,
                            previous,
                            extended,
                            supervisor,
                            now,
                            !item.urgent && calendar.calendar().isProvisional(extended)));
        } else {
            perform(() -> item.rejectExtension(now));
            outbox.append(
                    EventType.EXTENSION_REJECTED,
                    caseNumber,
                    new ExtensionRejected(caseNumber, unit(item), reason, previous, supervisor, now));
        }
        trail.append(
                caseNumber,
                now,
                supervisor,
                approve ? "extension-approve" : "extension-reject",
                item.status.name(),
                item.status.name(),
                "办理期限 " + TrailText.time(previous) + " → " + TrailText.time(item.handlingDeadline)
                        + (reason == null ? "" : "；" + reason));
        return WorkItemService.view(item, calendar.calendar());
    }

    /**
     * 回访: the complainant (through the follow-up link) or a hotline operator rates the reply. Satisfied or basically
     * satisfied closes the case; dissatisfied waits for a supervisor to reopen or close it.
     */
    @Transactional
    public WorkItemView recordFollowUp(
            String caseNumber, String rating, Boolean solved, String comment, String by, String operator) {
        WorkItem item = anyItem(caseNumber);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        perform(() -> item.recordFollowUp(rating, solved, by, now));
        metrics.count(item, Metric.FOLLOWED_UP, item.repliedAt);
        metrics.count(item, Metric.RATED, item.repliedAt);
        if (!"DISSATISFIED".equals(rating)) {
            metrics.count(item, Metric.SATISFIED, item.repliedAt);
        }
        if (Boolean.TRUE.equals(solved)) {
            metrics.count(item, Metric.SOLVED, item.repliedAt);
        }
        String actor = operator == null ? "complainant" : operator;
        trail.append(
                caseNumber,
                now,
                actor,
                "follow-up",
                before,
                item.status.name(),
                rating + (solved == null ? "" : solved ? "，已解决" : "，未解决") + (comment == null ? "" : "；" + comment));
        outbox.append(
                EventType.FOLLOW_UP_RECORDED,
                caseNumber,
                new FollowUpRecorded(caseNumber, unit(item), rating, solved, comment, by, operator, now));
        if (!"DISSATISFIED".equals(rating)) {
            close(item, "AFTER_FOLLOW_UP", "SYSTEM", now);
        }
        return WorkItemService.view(item, calendar.calendar());
    }

    /** 重办: a supervisor sends a dissatisfied case back to the unit with a new deadline. */
    @Transactional
    public WorkItemView reopenCase(String caseNumber, String reason, String supervisor) {
        WorkItem item = anyItem(caseNumber);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        OffsetDateTime deadline = calendar.deadlineAfterWorkingDays(now, limits.reopenWorkingDays());
        perform(() -> item.reopen(deadline, limits.maxReopens(), now));
        metrics.countOnReceipt(item, Metric.REOPENED);
        trail.append(
                caseNumber,
                now,
                supervisor,
                "reopen",
                before,
                item.status.name(),
                "第" + item.reopenCount + "次重办，期限 " + TrailText.time(deadline) + "；" + reason);
        outbox.append(
                EventType.CASE_REOPENED,
                caseNumber,
                new CaseReopened(
                        caseNumber,
                        unit(item),
                        item.reopenCount,
                        deadline,
                        reason,
                        supervisor,
                        now,
                        calendar.calendar().isProvisional(deadline)));
        return WorkItemService.view(item, calendar.calendar());
    }

    /** 办结/销号 verified by a supervisor (e.g. dissatisfied but not reopened). */
    @Transactional
    public WorkItemView closeCase(String caseNumber, String supervisor) {
        WorkItem item = anyItem(caseNumber);
        close(item, "BY_SUPERVISOR", supervisor, OffsetDateTime.now(clock));
        return WorkItemService.view(item, calendar.calendar());
    }

    /** Closes a replied case whose follow-up window passed without an answer (不满意未评价 → 未评价办结). */
    @Transactional
    public boolean closeUnrated(String caseNumber, OffsetDateTime now) {
        WorkItem item = workItems.findById(caseNumber);
        if (item == null
                || item.status != WorkItem.Status.REPLIED
                || item.followedUpAt != null
                || item.followUpDeadline == null
                || now.isBefore(item.followUpDeadline)) {
            return false;
        }
        close(item, "FOLLOW_UP_EXPIRED", "SYSTEM", now);
        return true;
    }

    private void close(WorkItem item, String how, String actor, OffsetDateTime now) {
        String before = item.status.name();
        perform(() -> item.close(how, now));
        metrics.countOnReceipt(item, Metric.CLOSED);
        trail.append(item.caseNumber, now, actor, "close", before, item.status.name(), how);
        outbox.append(
                EventType.CASE_CLOSED,
                item.caseNumber,
                new CaseClosed(
                        item.caseNumber,
                        unit(item),
                        how,
                        item.replyResult,
                        item.rating,
                        item.solved,
                        item.reopenCount,
                        actor,
                        now));
    }

    private WorkItem anyItem(String caseNumber) {
        WorkItem item = workItems.findById(caseNumber);
        if (item == null) {
            throw DomainException.notFound("work item", caseNumber);
        }
        return item;
    }

    /** The lead unit's own case; other units get 404, as if it did not exist. */
    /** 协办意见: a handler of a co-unit submits the unit's part before the lead unit replies. */
    @Transactional
    public WorkItemView submitCoUnitPart(String caseNumber, String text, String actor, Collection<String> actorUnits) {
        WorkItem item = workItems.findById(caseNumber);
        String unit = item == null
                ? null
                : item.coUnitCodes().stream()
                        .filter(actorUnits::contains)
                        .findFirst()
                        .orElse(null);
        if (unit == null) {
            throw DomainException.notFound("work item", caseNumber);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        perform(() -> item.submitCoUnitPart(unit, text, actor, now));
        List<String> outstanding = item.outstandingCoUnits();
        trail.append(
                caseNumber, now, actor, "co-unit-part", item.status.name(), item.status.name(), unit + " 协办意见：" + text);
        outbox.append(
                EventType.CO_HANDLING_PART_SUBMITTED,
                caseNumber,
                new CoHandlingPartSubmitted(caseNumber, new UnitRef(unit, unit), unit(item), actor, now, outstanding));
        log(caseNumber, "co-unit %s submitted its part (%d outstanding)", unit, outstanding.size());
        return WorkItemService.view(item, calendar.calendar());
    }

    private WorkItem ownItem(String caseNumber, Collection<String> actorUnits) {
        WorkItem item = workItems.findById(caseNumber);
        if (item == null || !actorUnits.contains(item.leadUnit)) {
            throw DomainException.notFound("work item", caseNumber);
        }
        return item;
    }

    private static void perform(Runnable transition) {
        try {
            transition.run();
        } catch (WorkItem.IllegalTransition e) {
            throw DomainException.conflict(
                    "illegal-transition",
                    "当前状态下不能执行该操作",
                    "This action is not allowed in the case's current state",
                    e.getMessage());
        } catch (FollowUpRefused e) {
            throw e.reason() == FollowUpRefused.Reason.EXPIRED
                    ? new DomainException(
                            410,
                            "follow-up-expired",
                            "评价期限已过，感谢您的关注",
                            "The time to rate this reply has passed",
                            e.getMessage())
                    : DomainException.conflict(
                            "follow-up-already-recorded",
                            "您已评价过该诉求，感谢您的反馈",
                            "This reply has been rated already, thank you for your feedback",
                            e.getMessage());
        }
    }

    private static UnitRef unit(WorkItem item) {
        return new UnitRef(item.leadUnit, item.leadName);
    }

    private static void log(String caseNumber, String format, Object... args) {
        MDC.put("caseNumber", caseNumber);
        LOG.infof(format, args);
        MDC.remove("caseNumber");
    }
}
