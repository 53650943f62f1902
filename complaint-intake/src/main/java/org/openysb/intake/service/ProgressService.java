package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReopened;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.DeadlineRecomputed;
import org.openysb.contracts.events.ExtensionApproved;
import org.openysb.contracts.events.ManualDispatchQueued;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.intake.model.CaseStatus;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.Reply;
import org.openysb.intake.model.TimelineEntry;
import org.openysb.intake.repository.ComplaintRepository;
import org.openysb.intake.repository.TimelineRepository;
import org.openysb.outbox.Inbox;

/**
 * Learns each case's progress from the other services' events (intake never reads their tables) and turns it into
 * the public timeline. Each event is applied once. A consumer's poll is applied in one transaction: one
 * consumed-event statement, one query for its cases, the events in record order on the loaded cases (several events
 * of one case change it once), and one batched insert of the timeline steps.
 */
@ApplicationScoped
public class ProgressService {
    private static final Logger LOG = Logger.getLogger(ProgressService.class);
    private static final String CONSUMER = "complaint-intake.progress";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String PROVISIONAL = "（暂定，国务院公布放假安排后可能调整）";

    private final ComplaintRepository complaints;
    private final TimelineRepository timeline;
    private final Inbox inbox;
    private final TransactionSynchronizationRegistry transactions;
    private final PublicVisibility visibility;

    public ProgressService(
            ComplaintRepository complaints,
            TimelineRepository timeline,
            Inbox inbox,
            PublicVisibility visibility,
            TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.complaints = complaints;
        this.timeline = timeline;
        this.inbox = inbox;
        this.visibility = visibility;
    }

    @Transactional
    public void recordProgress(CloudEvent event) {
        recordAll(List.of(event));
    }

    /** The events of one poll, in record order, in one transaction. */
    @Transactional
    public void recordAll(List<CloudEvent> events) {
        List<CloudEvent> known = events.stream()
                .filter(e -> EventType.fromCeType(e.type()).isPresent())
                .toList();
        if (known.isEmpty()) {
            return;
        }
        Set<String> first = new HashSet<>(inbox.firstDeliveries(CONSUMER, known));
        Map<String, Complaint> cases = complaints.findByCaseNumbers(known.stream()
                .filter(e -> first.contains(e.id()))
                .map(CloudEvent::subject)
                .collect(Collectors.toSet()));
        List<TimelineEntry> steps = new ArrayList<>();
        transactions.putResource(TimelineEntry.class, steps);
        for (CloudEvent event : known) {
            if (first.remove(event.id())) { // remove: the same event twice in one poll counts once
                apply(event, cases.get(event.subject()));
            }
        }
        timeline.insertAll(steps);
    }

    private void apply(CloudEvent event, Complaint complaint) {
        EventType type = EventType.fromCeType(event.type()).orElseThrow();
        if (complaint == null) {
            LOG.warnf("progress event %s for unknown case %s ignored", event.type(), event.subject());
            return;
        }
        OffsetDateTime at = event.time();
        switch (type) {
            case CASE_ROUTED -> {
                CaseRouted routed = event.dataAs(CaseRouted.class);
                complaint.dispatchedTo(routed.lead().code(), routed.lead().name(), at);
                visibility.learn(complaint, routed, at);
                add(complaint, at, type, "已派发至" + routed.lead().name() + "办理");
            }
            case MANUAL_DISPATCH_QUEUED -> {
                complaint.progressedTo(CaseStatus.MANUAL_DISPATCH, at);
                visibility.learn(complaint, event.dataAs(ManualDispatchQueued.class), at);
                add(complaint, at, type, "正在人工确定承办单位");
            }
            case WORK_ITEM_OPENED -> {
                WorkItemOpened opened = event.dataAs(WorkItemOpened.class);
                boolean provisional = Boolean.TRUE.equals(opened.deadlineProvisional());
                complaint.expectReplyBy(opened.handlingDeadline(), provisional, at);
                add(
                        complaint,
                        at,
                        type,
                        "承办单位应于" + deadline(opened.handlingDeadline()) + "前办结" + (provisional ? PROVISIONAL : ""));
            }
            case EXTENSION_APPROVED -> {
                ExtensionApproved approved = event.dataAs(ExtensionApproved.class);
                boolean provisional = Boolean.TRUE.equals(approved.deadlineProvisional());
                complaint.expectReplyBy(approved.newDeadline(), provisional, at);
                add(
                        complaint,
                        at,
                        type,
                        "经批准，办理期限延长至" + deadline(approved.newDeadline()) + (provisional ? PROVISIONAL : ""));
            }
            case CASE_SIGNED -> {
                complaint.progressedTo(CaseStatus.IN_PROGRESS, at);
                add(complaint, at, type, "承办单位已签收，正在办理");
            }
            case CASE_REPLIED -> {
                CaseReplied replied = event.dataAs(CaseReplied.class);
                complaint.replied(
                        new Reply(
                                replied.unit() == null
                                        ? complaint.assignedUnitName
                                        : replied.unit().name(),
                                replied.resultCode(),
                                replied.text(),
                                replied.repliedAt() == null ? at : replied.repliedAt()),
                        at);
                add(complaint, at, type, "承办单位已答复，请对办理结果进行评价");
            }
            case CASE_REOPENED -> {
                CaseReopened reopened = event.dataAs(CaseReopened.class);
                if (reopened.newDeadline() != null) {
                    complaint.expectReplyBy(
                            reopened.newDeadline(), Boolean.TRUE.equals(reopened.deadlineProvisional()), at);
                }
                complaint.progressedTo(CaseStatus.IN_PROGRESS, at);
                add(complaint, at, type, "已安排重新办理");
            }
            case DEADLINE_RECOMPUTED -> recomputed(complaint, at, event.dataAs(DeadlineRecomputed.class));
            case CASE_CLOSED -> {
                complaint.progressedTo(CaseStatus.CLOSED, at);
                add(complaint, at, type, "已办结");
            }
            default -> {
                // internal steps (reminders, supervision orders, clues) are not shown to the complainant
            }
        }
    }

    /**
     * The calendar changed under the lead unit's deadline: the new date (and whether it is still provisional) is what
     * the complainant expects; while the case is open the timeline says why in plain words when the date moved or
     * became definite.
     */
    private void recomputed(Complaint complaint, OffsetDateTime at, DeadlineRecomputed recomputed) {
        boolean wasProvisional = complaint.expectedReplyBy != null && complaint.expectedReplyProvisional;
        boolean moved = recomputed.previousDeadline() == null
                || !recomputed.previousDeadline().isEqual(recomputed.handlingDeadline());
        complaint.expectReplyBy(recomputed.handlingDeadline(), recomputed.deadlineProvisional(), at);
        if (complaint.status == CaseStatus.REPLIED || complaint.status == CaseStatus.CLOSED) {
            return; // the unit has answered: a moved deadline no longer concerns the complainant
        }
        String why =
                switch (String.valueOf(recomputed.reason())) {
                    case DeadlineRecomputed.ONE_OFF_DAY -> "国务院临时调整放假安排后，";
                    case DeadlineRecomputed.NOTICE_WITHDRAWN -> "工作日历更正后，";
                    default -> "国务院放假安排公布后，";
                };
        String when = deadline(recomputed.handlingDeadline());
        if (moved) {
            add(
                    complaint,
                    at,
                    EventType.DEADLINE_RECOMPUTED,
                    why + "办理期限调整为" + when + (recomputed.deadlineProvisional() ? PROVISIONAL : ""));
        } else if (wasProvisional && !recomputed.deadlineProvisional()) {
            add(complaint, at, EventType.DEADLINE_RECOMPUTED, why + "办理期限确定为" + when + "，不再暂定");
        }
    }

    private static String deadline(OffsetDateTime deadline) {
        return DEADLINE.format(deadline.atZoneSameInstant(ComplaintService.CHINA));
    }

    /** A step on the timeline, written with the poll's other steps. */
    @SuppressWarnings("unchecked")
    private void add(Complaint complaint, OffsetDateTime at, EventType type, String description) {
        ((List<TimelineEntry>) transactions.getResource(TimelineEntry.class))
                .add(TimelineEntry.of(complaint.caseNumber, at, type.simpleName(), description));
    }
}
