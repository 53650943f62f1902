package org.openysb.notification.rules.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseClosed;
import org.openysb.contracts.events.CaseReopened;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseResumed;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.CaseSuspended;
import org.openysb.contracts.events.ClueRaised;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.ExtensionApproved;
import org.openysb.contracts.events.ExtensionRejected;
import org.openysb.contracts.events.ExtensionRequested;
import org.openysb.contracts.events.HandlerDesignated;
import org.openysb.contracts.events.ReminderDue;
import org.openysb.contracts.events.ReminderNoticeIssued;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.contracts.events.SupervisionOrderIssued;
import org.openysb.contracts.events.SuspensionRejected;
import org.openysb.contracts.events.SuspensionRequested;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.notification.rules.model.CaseComplainant;

/**
 * Who is told what about each event: one rule per event type, each naming the message and its data and handing it to
 * {@link Addressing} for the complainant, a unit (its inbox and handlers) or a role.
 */
@ApplicationScoped
class EventRules {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> TYPE_NAMES =
            Map.of("INQUIRY", "咨询", "HELP", "求助", "SUGGESTION", "意见建议", "COMPLAINT", "投诉", "REPORT", "举报");
    private static final Map<String, String> CLOCK_NAMES =
            Map.of("SIGN_FOR", "签收", "FIRST_CONTACT", "先行联系", "HANDLING", "办理");
    private static final Map<String, String> RESULT_NAMES =
            Map.of("RESOLVED", "已解决", "EXPLAINED", "已解释说明", "PARTIALLY_RESOLVED", "部分解决", "NOT_ACCEPTED", "不予受理");

    private final Addressing addressing;
    private final ComplainantLinks links;
    private final Clock clock;

    public EventRules(Addressing addressing, ComplainantLinks links, Clock clock) {
        this.addressing = addressing;
        this.links = links;
        this.clock = clock;
    }

    /** Applies the rule of the event's type (nothing for the types nobody outside the actors needs to hear of). */
    void apply(CloudEvent event, EventType type) {
        switch (type) {
            case COMPLAINT_SUBMITTED -> receipt(event, event.dataAs(ComplaintSubmitted.class));
            case CASE_ROUTED -> routed(event, event.dataAs(CaseRouted.class));
            case WORK_ITEM_OPENED -> newCase(event, event.dataAs(WorkItemOpened.class));
            case CASE_REPLIED -> replied(event, event.dataAs(CaseReplied.class));
            case CASE_REOPENED -> reopened(event, event.dataAs(CaseReopened.class));
            case CASE_CLOSED -> closed(event, event.dataAs(CaseClosed.class));
            case REMINDER_DUE -> reminder(event, event.dataAs(ReminderDue.class));
            case REMINDER_NOTICE_ISSUED -> reminderNotice(event, event.dataAs(ReminderNoticeIssued.class));
            case RETURN_RULED -> returnRuled(event, event.dataAs(ReturnRuled.class));
            case HANDLER_DESIGNATED -> designated(event, event.dataAs(HandlerDesignated.class));
            case EXTENSION_REQUESTED -> extensionRequested(event, event.dataAs(ExtensionRequested.class));
            case EXTENSION_APPROVED -> extensionApproved(event, event.dataAs(ExtensionApproved.class));
            case EXTENSION_REJECTED -> extensionRejected(event, event.dataAs(ExtensionRejected.class));
            case SUSPENSION_REQUESTED -> suspensionRequested(event, event.dataAs(SuspensionRequested.class));
            case CASE_SUSPENDED -> suspended(event, event.dataAs(CaseSuspended.class));
            case SUSPENSION_REJECTED -> suspensionRejected(event, event.dataAs(SuspensionRejected.class));
            case CASE_RESUMED -> resumed(event, event.dataAs(CaseResumed.class));
            case SUPERVISION_ORDER_ISSUED -> supervisionOrder(event, event.dataAs(SupervisionOrderIssued.class));
            case CLUE_RAISED -> clue(event, event.dataAs(ClueRaised.class));
            default -> {
                // signed, first contact, follow-up, returns in progress: nobody outside the actors needs a message
            }
        }
    }

    /** 受理回执: the complainant learns the case number, if they left a way to be told. */
    private void receipt(CloudEvent event, ComplaintSubmitted complaint) {
        CaseComplainant c = new CaseComplainant();
        c.caseNumber = complaint.caseNumber();
        c.complainant = complaint.complainant() == null
                ? "complaint:" + complaint.caseNumber()
                : complaint.complainant().ref();
        c.maskedMobile =
                complaint.complainant() == null ? null : complaint.complainant().maskedMobile();
        c.urgent = complaint.urgent();
        c.contactable =
                complaint.complainant() != null && complaint.complainant().contactable();
        addressing.remember(c);
        if (!c.contactable) {
            return; // anonymous without contact: nobody to tell, now or at any later step
        }
        OffsetDateTime receivedAt = complaint.receivedAt() != null
                ? complaint.receivedAt()
                : event.time() != null ? event.time() : OffsetDateTime.now(clock);
        addressing.toComplainant(
                event,
                Addressing.Complainant.of(c),
                "receipt",
                data("caseNumber", c.caseNumber, "trackingLink", links.trackingLink(c.caseNumber, receivedAt)));
    }

    /** 已交办: the complainant learns which unit handles the case. */
    private void routed(CloudEvent event, CaseRouted routed) {
        addressing
                .complainantOf(routed.caseNumber(), routed.urgent())
                .ifPresent(c -> addressing.toComplainant(
                        event,
                        c,
                        "routed",
                        data(
                                "caseNumber",
                                routed.caseNumber(),
                                "unitName",
                                routed.lead().name())));
    }

    /** 新派件: the lead unit's inbox gets the case and its deadlines. */
    private void newCase(CloudEvent event, WorkItemOpened opened) {
        Map<String, Object> data = data(
                "caseNumber", opened.caseNumber(),
                "typeName", TYPE_NAMES.getOrDefault(opened.type(), opened.type()),
                "urgent", opened.urgent(),
                "unitName", opened.lead().name(),
                "signForDeadline", when(opened.signForDeadline()),
                "handlingDeadline", when(opened.handlingDeadline()));
        addressing.toUnit(event, opened.lead(), opened.caseNumber(), "new-case", data);
        // 协办: each co-handling unit is asked to help the lead unit
        if (opened.coHandlers() != null) {
            for (UnitRef co : opened.coHandlers()) {
                if (!co.code().equals(opened.lead().code())) {
                    addressing.toUnit(event, co, opened.caseNumber(), "co-handling", data);
                }
            }
        }
    }

    /** 答复 + 回访邀请: the reply and the follow-up link. */
    private void replied(CloudEvent event, CaseReplied replied) {
        addressing
                .complainantOf(replied.caseNumber(), false)
                .ifPresent(c -> addressing.toComplainant(
                        event,
                        c,
                        "replied",
                        data(
                                "caseNumber", replied.caseNumber(),
                                "unitName", replied.unit().name(),
                                "result", RESULT_NAMES.getOrDefault(replied.resultCode(), replied.resultCode()),
                                "text", replied.text(),
                                "followUpLink", links.followUpLink(replied.caseNumber()),
                                "followUpDeadline", when(replied.followUpDeadline()))));
    }

    /** 重办: the complainant is told, and the unit gets the case back with its new deadline. */
    private void reopened(CloudEvent event, CaseReopened reopened) {
        Map<String, Object> data = data(
                "caseNumber", reopened.caseNumber(),
                "unitName", reopened.unit().name(),
                "reason", reopened.reason(),
                "reopenCount", reopened.reopenCount(),
                "newDeadline", when(reopened.newDeadline()),
                "forUnit", false);
        addressing
                .complainantOf(reopened.caseNumber(), false)
                .ifPresent(c -> addressing.toComplainant(event, c, "reopened", data));
        Map<String, Object> forUnit = new HashMap<>(data);
        forUnit.put("forUnit", true);
        addressing.toUnit(event, reopened.unit(), reopened.caseNumber(), "reopened", forUnit);
    }

    /** 办结: the complainant learns the case is closed. */
    private void closed(CloudEvent event, CaseClosed closed) {
        addressing
                .complainantOf(closed.caseNumber(), false)
                .ifPresent(c -> addressing.toComplainant(event, c, "closed", data("caseNumber", closed.caseNumber())));
    }

    private void reminder(CloudEvent event, ReminderDue due) {
        addressing.toUnit(
                event,
                due.unit(),
                due.caseNumber(),
                "reminder",
                data(
                        "caseNumber", due.caseNumber(),
                        "clockName", CLOCK_NAMES.getOrDefault(due.clock(), due.clock()),
                        "percent", due.percent(),
                        "deadline", when(due.deadline())));
    }

    /** 催办通知书: the overdue unit must act, and the supervisors learn that the case is overdue (they follow it up). */
    private void reminderNotice(CloudEvent event, ReminderNoticeIssued notice) {
        Map<String, Object> data = data(
                "caseNumber", notice.caseNumber(),
                "unitName", notice.unit().name(),
                "clockName", CLOCK_NAMES.getOrDefault(notice.clock(), notice.clock()),
                "deadline", when(notice.deadline()),
                "overdueWorkingDays", notice.overdueWorkingDays(),
                "noticeNumber", notice.noticeNumber());
        addressing.toUnit(event, notice.unit(), notice.caseNumber(), "reminder-notice", data);
        addressing.toRole(event, "supervisor", notice.caseNumber(), "overdue", data);
    }

    /** 退单仲裁: the returning unit learns the ruling; an upheld return sends the case to the new lead. */
    private void returnRuled(CloudEvent event, ReturnRuled ruled) {
        Map<String, Object> data = data(
                "caseNumber", ruled.caseNumber(),
                "upheld", ruled.upheld(),
                "improper", ruled.improper(),
                "newLeadName", ruled.newLead() == null ? "" : ruled.newLead().name(),
                "reason", ruled.reason());
        addressing.toUnit(event, ruled.unit(), ruled.caseNumber(), "return-ruled", data);
        if (ruled.upheld() && ruled.newLead() != null) {
            addressing.toUnit(event, ruled.newLead(), ruled.caseNumber(), "return-ruled", data);
        }
    }

    private void designated(CloudEvent event, HandlerDesignated designated) {
        addressing.toUnit(
                event,
                designated.unit(),
                designated.caseNumber(),
                "designated",
                data("caseNumber", designated.caseNumber(), "reason", designated.reason()));
    }

    /** 延期申请: the supervisors who decide. */
    private void extensionRequested(CloudEvent event, ExtensionRequested request) {
        addressing.toRole(
                event,
                "supervisor",
                request.caseNumber(),
                "extension-requested",
                data(
                        "caseNumber", request.caseNumber(),
                        "unitName", request.unit().name(),
                        "workingDays", request.workingDays(),
                        "reason", request.reason(),
                        "legalBasis", request.legalBasis(),
                        "currentDeadline", when(request.currentDeadline())));
    }

    /** 延期批准: the unit, and the complainant (who must be told that the deadline moved). */
    private void extensionApproved(CloudEvent event, ExtensionApproved approved) {
        Map<String, Object> data = data(
                "caseNumber", approved.caseNumber(),
                "approved", true,
                "workingDays", approved.workingDays(),
                "deadline", when(approved.newDeadline()),
                "reason", "");
        addressing.toUnit(event, approved.unit(), approved.caseNumber(), "extension-decided", data);
        addressing
                .complainantOf(approved.caseNumber(), false)
                .ifPresent(c -> addressing.toComplainant(event, c, "extended", data));
    }

    private void extensionRejected(CloudEvent event, ExtensionRejected rejected) {
        addressing.toUnit(
                event,
                rejected.unit(),
                rejected.caseNumber(),
                "extension-decided",
                data(
                        "caseNumber", rejected.caseNumber(),
                        "approved", false,
                        "workingDays", 0,
                        "deadline", when(rejected.deadline()),
                        "reason", rejected.reason()));
    }

    /** 中止申请: the supervisors who decide. */
    private void suspensionRequested(CloudEvent event, SuspensionRequested request) {
        addressing.toRole(
                event,
                "supervisor",
                request.caseNumber(),
                "suspension-requested",
                data(
                        "caseNumber", request.caseNumber(),
                        "unitName", request.unit().name(),
                        "workingDays", request.workingDays(),
                        "reason", request.reason(),
                        "basis", request.basis()));
    }

    /** 中止: the unit, and the complainant (who must be told that the clock stands still, and until when at most). */
    private void suspended(CloudEvent event, CaseSuspended suspended) {
        Map<String, Object> data = data(
                "caseNumber", suspended.caseNumber(),
                "approved", true,
                "workingDays", suspended.workingDays(),
                "reason", suspended.reason(),
                "resumeBy", when(suspended.resumeBy()));
        addressing.toUnit(event, suspended.unit(), suspended.caseNumber(), "suspension-decided", data);
        addressing
                .complainantOf(suspended.caseNumber(), false)
                .ifPresent(c -> addressing.toComplainant(event, c, "suspended", data));
    }

    private void suspensionRejected(CloudEvent event, SuspensionRejected rejected) {
        addressing.toUnit(
                event,
                rejected.unit(),
                rejected.caseNumber(),
                "suspension-decided",
                data(
                        "caseNumber",
                        rejected.caseNumber(),
                        "approved",
                        false,
                        "workingDays",
                        0,
                        "resumeBy",
                        "",
                        "reason",
                        rejected.reason()));
    }

    /** 恢复办理: the complainant learns the new deadline, and the unit that its clock runs again. */
    private void resumed(CloudEvent event, CaseResumed resumed) {
        Map<String, Object> data = data(
                "caseNumber", resumed.caseNumber(),
                "pausedWorkingDays", resumed.pausedWorkingDays(),
                "previousDeadline", when(resumed.previousDeadline()),
                "newDeadline", when(resumed.newDeadline()),
                "bySystem", "SYSTEM".equals(resumed.resumedBy()),
                "forUnit", false);
        addressing
                .complainantOf(resumed.caseNumber(), false)
                .ifPresent(c -> addressing.toComplainant(event, c, "resumed", data));
        Map<String, Object> forUnit = new HashMap<>(data);
        forUnit.put("forUnit", true);
        addressing.toUnit(event, resumed.unit(), resumed.caseNumber(), "resumed", forUnit);
    }

    /** 督办单: supervisors (who follow it up with the head of the unit). */
    private void supervisionOrder(CloudEvent event, SupervisionOrderIssued order) {
        addressing.toRole(
                event,
                "supervisor",
                order.caseNumber(),
                "supervision-order",
                data(
                        "caseNumber", order.caseNumber(),
                        "unitName", order.unit().name(),
                        "clockName", CLOCK_NAMES.getOrDefault(order.clock(), order.clock()),
                        "deadline", when(order.deadline()),
                        "overdueWorkingDays", order.overdueWorkingDays(),
                        "orderNumber", order.orderNumber()));
    }

    /** 线索: discipline inspectors. */
    private void clue(CloudEvent event, ClueRaised clue) {
        addressing.toRole(
                event,
                "inspector",
                clue.caseNumber(),
                "clue",
                data(
                        "caseNumber", clue.caseNumber(),
                        "clueId", clue.clueId(),
                        "unitName", clue.unit().name(),
                        "kind", clue.kind(),
                        "description", clue.description()));
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "" : WHEN.format(t.atZoneSameInstant(CHINA));
    }

    private static Map<String, Object> data(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }
}
