package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReturned;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.outbox.Inbox;
import org.openysb.outbox.Outbox;
import org.openysb.supervision.casefile.service.CaseFileService;
import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.service.MetricsRecorder;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;

/** Turns dispatched cases into work items of their lead unit and starts their clocks. */
@ApplicationScoped
public class WorkItemService {
    private static final Logger LOG = Logger.getLogger(WorkItemService.class);
    static final String CONSUMER = "supervision.routing";

    /** Types whose relabelling into a lighter one (投诉 relabelled as 咨询) is an evasion signal. */
    private static final java.util.Set<String> RELABEL_FROM = java.util.Set.of("COMPLAINT", "REPORT");

    private static final java.util.Set<String> RELABEL_TO = java.util.Set.of("INQUIRY", "HELP", "SUGGESTION");

    private final WorkItemRepository workItems;
    private final CalendarService calendar;
    private final TimeLimits limits;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TrailService trail;
    private final MetricsRecorder metrics;
    private final ClueService clues;

    private final CaseFileService caseFiles;

    public WorkItemService(
            WorkItemRepository workItems,
            CalendarService calendar,
            TimeLimits limits,
            Inbox inbox,
            Outbox outbox,
            TrailService trail,
            MetricsRecorder metrics,
            ClueService clues,
            CaseFileService caseFiles) {
        this.caseFiles = caseFiles;
        this.trail = trail;
        this.metrics = metrics;
        this.clues = clues;
        this.workItems = workItems;
        this.calendar = calendar;
        this.limits = limits;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /** Opens the work item of a routed case, once. The clocks start at assignment, not at sign-for. */
    @Transactional
    public void openWorkItem(CloudEvent event) {
        if (inbox.firstDelivery(CONSUMER, event)) {
            open(event.dataAs(CaseRouted.class));
        }
    }

    /** {@link #openWorkItem} of an event already marked as consumed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(CaseRouted routed) {
        OffsetDateTime assignedAt = routed.routedAt();
        WorkItem item = workItems.findById(routed.caseNumber());
        String action;
        String before = null;
        if (item == null) {
            item = new WorkItem();
            item.caseNumber = routed.caseNumber();
            item.type = routed.type();
            item.urgent = routed.urgent();
            item.channel = routed.channel();
            item.district = routed.district();
            action = "open";
        } else if (routed.dispatchCount() > item.dispatchCount) {
            // rerouted after a return, an arbitration ruling or a designation: the new unit gets new clocks
            before = item.status.name();
            action = routed.designated() ? "designate" : "reassign";
            if (routed.dispatchCount() >= limits.bouncingClueAfterDispatches()) {
                // 推诿: the case has gone round the units without being accepted
                clues.raiseAutomatic(
                        item.caseNumber,
                        new UnitRef(item.leadUnit, item.leadName),
                        "REPEATED_BOUNCING",
                        item.caseNumber + "已派单" + routed.dispatchCount() + "次仍未被接收，本次由" + item.leadName + "退回",
                        null,
                        String.valueOf(routed.dispatchCount()),
                        assignedAt);
            }
        } else {
            return; // an older dispatch arriving late
        }
        if (!"open".equals(action)) {
            metrics.leaving(item); // what the previous unit had not done is decided as not done in time
        }
        item.reassign(
                routed.lead().code(),
                routed.lead().name(),
                String.join(";", routed.coHandlers().stream().map(UnitRef::code).toList()),
                routed.dispatchCount(),
                routed.designated(),
                assignedAt);
        item.category = routed.category();
        startClocks(item, assignedAt);
        workItems.persist(item);
        metrics.count(item, Metric.ASSIGNED, assignedAt);
        String receivedType = metrics.receivedType(item.caseNumber);
        if (receivedType != null && RELABEL_FROM.contains(receivedType) && RELABEL_TO.contains(item.type)) {
            clues.raiseAutomatic(
                    item.caseNumber,
                    routed.lead(),
                    "RELABELLED_TYPE",
                    item.caseNumber + "受理时为" + receivedType + "，派单时被改为" + item.type + "（" + routed.decidedBy() + "）",
                    null,
                    item.type,
                    assignedAt);
        }
        if ("open".equals(action)) {
            OffsetDateTime received = metrics.receivedAt(item.caseNumber);
            if (received != null) {
                metrics.dispatched(item, calendar.deadlineAfterWorkingDays(received, limits.dispatchWorkingDays()));
            }
        }
        trail.append(
                item.caseNumber,
                item.updatedAt,
                routed.decidedBy(),
                action,
                before,
                item.status.name(),
                openedDetail(item));
        outbox.append(EventType.WORK_ITEM_OPENED, item.caseNumber, opened(item, routed, calendar.calendar()));
        MDC.put("caseNumber", item.caseNumber);
        LOG.infof("work item opened for %s, sign for by %s", item.leadUnit, item.signForDeadline);
        MDC.remove("caseNumber");
    }

    /** The trail detail of a dispatch to the item's (new) lead unit. */
    static String openedDetail(WorkItem item) {
        return "派至" + item.leadName + "主办，签收时限 " + TrailText.time(item.signForDeadline) + "，办理时限 "
                + TrailText.time(item.handlingDeadline);
    }

    /** The WorkItemOpened event of a dispatch; its handling deadline marked provisional (暂定) on {@code calendar}. */
    static WorkItemOpened opened(WorkItem item, CaseRouted routed, WorkingCalendar calendar) {
        return new WorkItemOpened(
                item.caseNumber,
                routed.lead(),
                routed.coHandlers(),
                item.type,
                item.urgent,
                item.assignedAt,
                item.signForDeadline,
                item.firstContactDeadline,
                item.designated ? null : item.returnDeadline,
                item.handlingDeadline,
                !item.urgent && calendar.isProvisional(item.handlingDeadline));
    }

    /** Starts the clocks of domain.md at assignment (not at sign-for). */
    void startClocks(WorkItem item, OffsetDateTime assignedAt) {
        item.signForDeadline = item.urgent
                ? calendar.deadlineAfter(assignedAt, limits.urgentSignFor())
                : calendar.deadlineAfterWorkingDays(assignedAt, limits.signForWorkingDays());
        item.firstContactDeadline = calendar.deadlineAfterWorkingDays(assignedAt, limits.firstContactWorkingDays());
        item.returnDeadline = calendar.deadlineAfterWorkingDays(assignedAt, limits.returnWindowWorkingDays());
        item.handlingDeadline = item.urgent
                ? calendar.deadlineAfter(assignedAt, limits.urgentHandling())
                : calendar.deadlineAfterWorkingDays(
                        assignedAt, limits.handlingWorkingDays().getOrDefault(item.type, 15));
        item.updatedAt = OffsetDateTime.now();
        item.nextReminderAt = assignedAt;
    }

    /** 退单仲裁: an improper return counts against the unit that returned the case. */
    @Transactional
    public void recordRuling(CloudEvent event) {
        if (inbox.firstDelivery(CONSUMER, event)) {
            applyRuling(event.dataAs(ReturnRuled.class), event.id());
        }
    }

    /** {@link #recordRuling} of an event already marked as consumed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyRuling(ReturnRuled ruling, String eventId) {
        WorkItem item = workItems.findById(ruling.caseNumber());
        if (item == null) {
            return;
        }
        trail.append(
                item.caseNumber,
                ruling.ruledAt(),
                ruling.actor(),
                "return-ruling",
                item.status.name(),
                item.status.name(),
                (ruling.upheld() ? "退单成立" : "退单不成立") + (ruling.improper() ? "（不当退单）" : "") + "：" + ruling.reason());
        if (ruling.improper()) {
            metrics.increment(ruling.ruledAt(), ruling.unit().code(), item, Metric.IMPROPER_RETURNS);
            clues.raiseAutomatic(
                    item.caseNumber,
                    ruling.unit(),
                    "IMPROPER_RETURN",
                    ruling.unit().name() + "退回" + item.caseNumber + "经仲裁认定为不当退单：" + ruling.reason(),
                    null,
                    eventId,
                    ruling.ruledAt());
        }
    }

    /** 退单不予受理: routing refused the return, so the unit keeps the case and its clocks run on. */
    @Transactional
    public void recordReturnOutcome(CloudEvent event) {
        if (inbox.firstDelivery(CONSUMER, event)) {
            applyReturnOutcome(event.dataAs(CaseReturned.class));
        }
    }

    /** {@link #recordReturnOutcome} of an event already marked as consumed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyReturnOutcome(CaseReturned returned) {
        WorkItem item = workItems.findById(returned.caseNumber());
        if (!"REFUSED".equals(returned.outcome())
                || item == null
                || !item.leadUnit.equals(returned.unit().code())) {
            return; // rerouted and arbitrated returns come back as CaseRouted / ReturnRuled
        }
        OffsetDateTime now = OffsetDateTime.now(WorkingCalendar.CHINA);
        String before = item.status.name();
        if (item.returnRefused(now)) {
            trail.append(
                    item.caseNumber,
                    now,
                    "case-routing",
                    "return-refused",
                    before,
                    item.status.name(),
                    "退单不予受理：" + returned.refusal() + "，仍由" + item.leadName + "办理");
        }
    }

    /** Counts a complaint as received (for the dispatch and closure rates). */
    @Transactional
    public void recordReceived(CloudEvent event) {
        if (!inbox.firstDelivery(CONSUMER + ".complaints", event)) {
            return;
        }
        ComplaintSubmitted complaint = event.dataAs(ComplaintSubmitted.class);
        metrics.received(complaint);
        caseFiles.recordComplaint(complaint);
        repeatOfSolvedCase(complaint);
    }

    /** A new complaint about a matter whose earlier case was rated "solved" raises a clue against that case's unit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repeatOfSolvedCase(ComplaintSubmitted complaint) {
        WorkItem earlier = complaint.repeatOf() == null ? null : workItems.findById(complaint.repeatOf());
        if (earlier != null && Boolean.TRUE.equals(earlier.solved)) {
            // a case rated "solved" whose matter comes back: the solution may have been on paper only
            clues.raiseAutomatic(
                    earlier.caseNumber,
                    new UnitRef(earlier.leadUnit, earlier.leadName),
                    "SOLVED_CASE_RETURNED",
                    earlier.caseNumber + "已评价为已解决，" + complaint.caseNumber() + "又就同一事项投诉",
                    complaint.caseNumber(),
                    complaint.caseNumber(),
                    complaint.receivedAt());
        }
    }

    /** The queue of a handler's units, most urgent sign-for first. */
    @Transactional
    public List<WorkItemView> queueOf(Collection<String> units) {
        WorkingCalendar cal = calendar.calendar();
        return units.isEmpty()
                ? List.of()
                : workItems.listForUnits(units).stream()
                        .map(item -> view(item, cal))
                        .toList();
    }

    /** All work items, or one unit's, for supervisors and inspectors. */
    @Transactional
    public List<WorkItemView> listAll(String unitOrNull) {
        WorkingCalendar cal = calendar.calendar();
        return workItems.listAll(unitOrNull).stream()
                .map(item -> view(item, cal))
                .toList();
    }

    /** One work item, visible only to its own units unless {@code anyUnit}. */
    @Transactional
    public Optional<WorkItemView> find(String caseNumber, Collection<String> units, boolean anyUnit) {
        return Optional.ofNullable(workItems.findById(caseNumber))
                .filter(item -> anyUnit
                        || units.contains(item.leadUnit)
                        || Arrays.asList(item.coUnits.split(";")).stream().anyMatch(units::contains))
                .map(item -> view(item, calendar.calendar()));
    }

    /** The work item as handlers and overseers see it, each deadline marked provisional or not on {@code cal}. */
    public static WorkItemView view(WorkItem item, WorkingCalendar cal) {
        return new WorkItemView(
                item.caseNumber,
                item.leadUnit,
                item.leadName,
                item.coUnits.isBlank() ? List.of() : List.of(item.coUnits.split(";")),
                item.type,
                item.urgent,
                item.category,
                item.district,
                item.status.name(),
                china(item.assignedAt),
                china(item.signForDeadline),
                china(item.firstContactDeadline),
                china(item.returnDeadline),
                china(item.handlingDeadline),
                china(item.signedAt),
                china(item.firstContactAt),
                china(item.repliedAt),
                item.replyResult,
                china(item.followUpDeadline),
                item.coUnitParts.stream()
                        .map(p -> new WorkItemView.CoUnitPartView(
                                p.unitCode, p.text, p.submittedBy, china(p.submittedAt)))
                        .toList(),
                item.outstandingCoUnits(),
                item.allowedActions(),
                !item.urgent && cal.isProvisional(item.signForDeadline),
                cal.isProvisional(item.firstContactDeadline),
                cal.isProvisional(item.returnDeadline),
                !item.urgent && cal.isProvisional(item.handlingDeadline),
                cal.isProvisional(item.followUpDeadline));
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
