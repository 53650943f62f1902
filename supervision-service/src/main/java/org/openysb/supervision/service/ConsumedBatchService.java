package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReturned;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Inbox;
import org.openysb.outbox.Outbox;
import org.openysb.supervision.casefile.model.CaseComplaint;
import org.openysb.supervision.casefile.service.CaseFileService;
import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.service.MetricsRecorder;
import org.openysb.supervision.model.TrailEntry;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.repository.ConsumerBatchRepository;
import org.openysb.supervision.repository.ConsumerBatchRepository.Received;

/**
 * Applies a consumer's whole poll of events in one transaction. Each event is applied once (one consumed-event
 * statement for the poll) and in its order within its case. The common case, the first dispatch of a case, takes a
 * batched path (work items, trail entries, WorkItemOpened in the outbox: one statement per table for the poll); any
 * other event of a case, or a first dispatch that also raises a clue, goes through the per-event code of
 * {@link WorkItemService} in the same transaction, after what the batched path holds for that case is written. Metric
 * increments are summed over the poll and written once per aggregate row before commit.
 */
@ApplicationScoped
public class ConsumedBatchService {
    private static final Logger LOG = Logger.getLogger(ConsumedBatchService.class);
    private static final Set<String> RELABEL_FROM = Set.of("COMPLAINT", "REPORT");
    private static final Set<String> RELABEL_TO = Set.of("INQUIRY", "HELP", "SUGGESTION");

    private final Inbox inbox;
    private final Outbox outbox;
    private final WorkItemService workItems;
    private final ConsumerBatchRepository batches;
    private final MetricsRecorder metrics;
    private final CalendarService calendar;
    private final TimeLimits limits;

    public ConsumedBatchService(
            Inbox inbox,
            Outbox outbox,
            WorkItemService workItems,
            ConsumerBatchRepository batches,
            MetricsRecorder metrics,
            CalendarService calendar,
            TimeLimits limits) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.workItems = workItems;
        this.batches = batches;
        this.metrics = metrics;
        this.calendar = calendar;
        this.limits = limits;
    }

    /** The ysb.routing events of one poll (CaseRouted, ReturnRuled, CaseReturned), in record order. */
    @Transactional
    public void applyRouting(List<CloudEvent> events) {
        List<CloudEvent> fresh = firstDeliveries(
                WorkItemService.CONSUMER,
                events,
                Set.of(
                        EventType.CASE_ROUTED.ceType(),
                        EventType.RETURN_RULED.ceType(),
                        EventType.CASE_RETURNED.ceType()));
        if (fresh.isEmpty()) {
            return;
        }
        metrics.beginBatch();
        Map<String, CaseRouted> routed = new LinkedHashMap<>();
        for (CloudEvent e : fresh) {
            if (EventType.CASE_ROUTED.ceType().equals(e.type())) {
                routed.put(e.id(), e.dataAs(CaseRouted.class));
            }
        }
        Set<String> cases = new HashSet<>();
        routed.values().forEach(r -> cases.add(r.caseNumber()));
        Set<String> perEvent = cases.isEmpty() ? new HashSet<>() : new HashSet<>(batches.withWorkItem(cases));
        Map<String, Received> received = cases.isEmpty() ? Map.of() : batches.received(cases);
        Map<String, TrailEntry> heads = cases.isEmpty() ? Map.of() : batches.trailHeads(cases);
        Opening opening = new Opening();
        int batched = 0;
        for (CloudEvent e : fresh) {
            if (EventType.CASE_ROUTED.ceType().equals(e.type())) {
                CaseRouted r = routed.get(e.id());
                String caseNumber = r.caseNumber();
                Received receipt = received.get(caseNumber);
                if (!perEvent.contains(caseNumber) && !opening.holds(caseNumber) && !relabelled(receipt, r)) {
                    open(r, receipt, heads.get(caseNumber), opening);
                    batched++;
                    continue;
                }
                perEvent(caseNumber, opening, perEvent);
                workItems.open(r);
            } else if (EventType.RETURN_RULED.ceType().equals(e.type())) {
                ReturnRuled ruling = e.dataAs(ReturnRuled.class);
                perEvent(ruling.caseNumber(), opening, perEvent);
                workItems.applyRuling(ruling, e.id());
            } else {
                CaseReturned returned = e.dataAs(CaseReturned.class);
                perEvent(returned.caseNumber(), opening, perEvent);
                workItems.applyReturnOutcome(returned);
            }
        }
        opening.write();
        metrics.writeBatch();
        LOG.debugf(
                "routing poll of %d events: %d applied, %d work items opened in batch",
                events.size(), fresh.size(), batched);
    }

    /** The ComplaintSubmitted events of one poll of ysb.complaints. */
    @Transactional
    public void applyComplaints(List<CloudEvent> events) {
        List<CloudEvent> fresh = firstDeliveries(
                WorkItemService.CONSUMER + ".complaints", events, Set.of(EventType.COMPLAINT_SUBMITTED.ceType()));
        if (fresh.isEmpty()) {
            return;
        }
        metrics.beginBatch();
        Map<String, ComplaintSubmitted> byCase = new LinkedHashMap<>();
        for (CloudEvent e : fresh) {
            ComplaintSubmitted c = e.dataAs(ComplaintSubmitted.class);
            byCase.putIfAbsent(c.caseNumber(), c);
        }
        List<ComplaintSubmitted> sorted = new ArrayList<>(byCase.values());
        sorted.sort(Comparator.comparing(ComplaintSubmitted::caseNumber));
        Set<String> counted = batches.insertReceived(sorted);
        List<CaseComplaint> pages = new ArrayList<>(sorted.size());
        for (ComplaintSubmitted c : sorted) {
            if (counted.contains(c.caseNumber())) {
                metrics.countReceived(c);
            }
            pages.add(CaseFileService.complaintOf(c));
        }
        batches.insertComplaints(pages);
        for (ComplaintSubmitted c : byCase.values()) {
            if (c.repeatOf() != null) {
                workItems.repeatOfSolvedCase(c);
            }
        }
        metrics.writeBatch();
    }

    /** The events of the given types this consumer has not applied before, each once, in record order. */
    private List<CloudEvent> firstDeliveries(String consumer, List<CloudEvent> events, Set<String> types) {
        List<CloudEvent> relevant =
                events.stream().filter(e -> types.contains(e.type())).toList();
        if (relevant.isEmpty()) {
            return List.of();
        }
        Set<String> first = new HashSet<>(inbox.firstDeliveries(consumer, relevant));
        return relevant.stream().filter(e -> first.remove(e.id())).toList();
    }

    /** An event of {@code caseNumber} for the per-event code: what the batch holds of that case is written first. */
    private void perEvent(String caseNumber, Opening opening, Set<String> perEvent) {
        if (opening.holds(caseNumber)) {
            opening.write();
        }
        perEvent.add(caseNumber);
    }

    /** A complaint received as 投诉/举报 dispatched as 咨询/求助/意见建议: raises a clue (per-event code). */
    private static boolean relabelled(Received receipt, CaseRouted routed) {
        return receipt != null
                && receipt.type() != null
                && RELABEL_FROM.contains(receipt.type())
                && RELABEL_TO.contains(routed.type());
    }

    /** The first dispatch of a case without a work item: {@link WorkItemService#open}'s "open" branch, batched. */
    private void open(CaseRouted routed, Received receipt, TrailEntry head, Opening opening) {
        OffsetDateTime assignedAt = routed.routedAt();
        WorkItem item = new WorkItem();
        item.caseNumber = routed.caseNumber();
        item.type = routed.type();
        item.urgent = routed.urgent();
        item.channel = routed.channel();
        item.district = routed.district();
        item.reassign(
                routed.lead().code(),
                routed.lead().name(),
                String.join(";", routed.coHandlers().stream().map(UnitRef::code).toList()),
                routed.dispatchCount(),
                routed.designated(),
                assignedAt);
        item.category = routed.category();
        workItems.startClocks(item, assignedAt);
        metrics.count(item, Metric.ASSIGNED, assignedAt);
        if (receipt != null) {
            metrics.dispatched(
                    item, receipt.at(), calendar.deadlineAfterWorkingDays(receipt.at(), limits.dispatchWorkingDays()));
        }
        opening.items.put(item.caseNumber, item);
        opening.trail.add(TrailEntry.next(
                head,
                item.caseNumber,
                item.updatedAt,
                routed.decidedBy(),
                "open",
                null,
                item.status.name(),
                WorkItemService.openedDetail(item)));
        opening.events.add(new Outbox.Message(
                EventType.WORK_ITEM_OPENED,
                item.caseNumber,
                WorkItemService.opened(item, routed, calendar.calendar())));
    }

    /** First dispatches held for one batched write. */
    private final class Opening {
        final Map<String, WorkItem> items = new LinkedHashMap<>();
        final List<TrailEntry> trail = new ArrayList<>();
        final List<Outbox.Message> events = new ArrayList<>();

        boolean holds(String caseNumber) {
            return items.containsKey(caseNumber);
        }

        void write() {
            if (items.isEmpty()) {
                return;
            }
            List<WorkItem> rows = new ArrayList<>(items.values());
            rows.sort(Comparator.comparing(w -> w.caseNumber));
            batches.insertWorkItems(rows);
            batches.insertTrail(trail);
            outbox.appendAll(events);
            items.clear();
            trail.clear();
            events.clear();
        }
    }
}
