package org.openysb.supervision.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.FirstContactMade;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
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
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public CaseActionService(
            WorkItemRepository workItems,
            CalendarService calendar,
            TimeLimits limits,
            TrailService trail,
            Outbox outbox) {
        this.workItems = workItems;
        this.calendar = calendar;
        this.limits = limits;
        this.trail = trail;
        this.outbox = outbox;
    }

    @Transactional
    public WorkItemView signCase(String caseNumber, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        perform(() -> item.sign(actor, now));
        boolean onTime = !now.isAfter(item.signForDeadline);
        trail.append(caseNumber, now, actor, "sign", before, item.status.name(), onTime ? "按时签收" : "超时签收");
        outbox.append(EventType.CASE_SIGNED, caseNumber, new CaseSigned(caseNumber, unit(item), actor, now, onTime));
        log(caseNumber, "signed by %s (%s)", actor, onTime ? "on time" : "late");
        return WorkItemService.view(item);
    }

    @Transactional
    public WorkItemView recordFirstContact(
            String caseNumber, String method, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        perform(() -> item.recordFirstContact(method, now));
        boolean onTime = !now.isAfter(item.firstContactDeadline);
        trail.append(caseNumber, now, actor, "first-contact", item.status.name(), item.status.name(), "方式：" + method);
        outbox.append(
                EventType.FIRST_CONTACT_MADE,
                caseNumber,
                new FirstContactMade(caseNumber, unit(item), method, actor, now, onTime));
        log(caseNumber, "first contact by %s via %s", actor, method);
        return WorkItemService.view(item);
    }

    @Transactional
    public WorkItemView replyToComplainant(
            String caseNumber, String resultCode, String text, String actor, Collection<String> actorUnits) {
        WorkItem item = ownItem(caseNumber, actorUnits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String before = item.status.name();
        OffsetDateTime followUpBy = calendar.deadlineAfterWorkingDays(now, limits.followUpWorkingDays());
        perform(() -> item.reply(resultCode, text, now, followUpBy));
        boolean onTime = !now.isAfter(item.handlingDeadline);
        trail.append(caseNumber, now, actor, "reply", before, item.status.name(), resultCode + "：" + text);
        outbox.append(
                EventType.CASE_REPLIED,
                caseNumber,
                new CaseReplied(caseNumber, unit(item), resultCode, text, actor, now, onTime, followUpBy));
        log(caseNumber, "replied by %s with %s (%s)", actor, resultCode, onTime ? "on time" : "late");
        return WorkItemService.view(item);
    }

    /** The lead unit's own case; other units get 404, as if it did not exist. */
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
