package org.openysb.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseClosed;
import org.openysb.contracts.events.CaseReopened;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseRouted;
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
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.model.CaseComplainant;
import org.openysb.notification.model.Notification;
import org.openysb.notification.model.Notification.Channel;
import org.openysb.notification.model.Notification.RecipientKind;
import org.openysb.notification.model.QuietHours;
import org.openysb.notification.model.Recipient;
import org.openysb.notification.model.SmsText;
import org.openysb.notification.repository.CaseComplainantRepository;
import org.openysb.notification.repository.NotificationRepository;
import org.openysb.notification.repository.RecipientRepository;
import org.openysb.outbox.Inbox;

/**
 * Decides who must be told about an event, renders the message from its template and records it once (intent first:
 * SMS and email rows are PENDING until the dispatcher sends them; inbox rows are delivered by being recorded).
 */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final String CONSUMER = "notification";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> TYPE_NAMES =
            Map.of("INQUIRY", "咨询", "HELP", "求助", "SUGGESTION", "意见建议", "COMPLAINT", "投诉", "REPORT", "举报");
    private static final Map<String, String> CLOCK_NAMES =
            Map.of("SIGN_FOR", "签收", "FIRST_CONTACT", "先行联系", "HANDLING", "办理");
    private static final Map<String, String> RESULT_NAMES =
            Map.of("RESOLVED", "已解决", "EXPLAINED", "已解释说明", "PARTIALLY_RESOLVED", "部分解决", "NOT_ACCEPTED", "不予受理");

    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final CaseComplainantRepository complainants;
    private final Inbox inbox;
    private final Engine templates;
    private final Clock clock;
    private final NotificationConfig config;
    private final QuietHours quietHours;
    private final InboxStream stream;

    public NotificationService(
            NotificationRepository notifications,
            RecipientRepository recipients,
            CaseComplainantRepository complainants,
            Inbox inbox,
            Engine templates,
            Clock clock,
            NotificationConfig config,
            DeliveryService deliveries,
            InboxStream stream) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.complainants = complainants;
        this.inbox = inbox;
        this.templates = templates;
        this.clock = clock;
        this.config = config;
        this.quietHours = deliveries.quietHours();
        this.stream = stream;
    }

    @Transactional
    public void handle(CloudEvent event) {
        EventType type = EventType.fromCeType(event.type()).orElse(null);
        if (type == null || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
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
            case SUPERVISION_ORDER_ISSUED -> supervisionOrder(event, event.dataAs(SupervisionOrderIssued.class));
            case CLUE_RAISED -> clue(event, event.dataAs(ClueRaised.class));
            default -> {
                // signed, first contact, follow-up, returns in progress: nobody outside the actors needs a message
            }
        }
    }

    /** 受理回执: the complainant learns the case number, if they left a way to be told. */
    private void receipt(CloudEvent event, ComplaintSubmitted complaint) {
        if (complaint.complainant() == null || !complaint.complainant().contactable()) {
            return; // anonymous without contact: nobody to tell
        }
        CaseComplainant c = new CaseComplainant();
        c.caseNumber = complaint.caseNumber();
        c.complainant = complaint.complainant().ref();
        c.maskedMobile = complaint.complainant().maskedMobile();
        c.urgent = complaint.urgent();
        complainants.rememberOnce(c);
        toComplainant(event, c, "receipt", "您的诉求已受理 " + c.caseNumber, data("caseNumber", c.caseNumber));
    }

    /** 已交办: the complainant learns which unit handles the case. */
    private void routed(CloudEvent event, CaseRouted routed) {
        complainantOf(routed.caseNumber())
                .ifPresent(c -> toComplainant(
                        event,
                        c,
                        "routed",
                        "您的诉求已交办 " + routed.caseNumber(),
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
        toUnit(event, opened.lead(), opened.caseNumber(), "new-case", "新派件 " + opened.caseNumber(), data);
        // 协办: each co-handling unit is asked to help the lead unit
        if (opened.coHandlers() != null) {
            for (UnitRef co : opened.coHandlers()) {
                if (!co.code().equals(opened.lead().code())) {
                    toUnit(event, co, opened.caseNumber(), "co-handling", "协办请求 " + opened.caseNumber(), data);
                }
            }
        }
    }

    /** 答复 + 回访邀请: the reply and the follow-up link. */
    private void replied(CloudEvent event, CaseReplied replied) {
        complainantOf(replied.caseNumber())
                .ifPresent(c -> toComplainant(
                        event,
                        c,
                        "replied",
                        "您的诉求已答复 " + replied.caseNumber(),
                        data(
                                "caseNumber", replied.caseNumber(),
                                "unitName", replied.unit().name(),
                                "result", RESULT_NAMES.getOrDefault(replied.resultCode(), replied.resultCode()),
                                "text", replied.text(),
                                "followUpLink", followUpLink(replied.caseNumber()),
                                "followUpDeadline", when(replied.followUpDeadline()))));
    }

    /** 重办: the complainant is told, and the unit gets the case back with its new deadline. */
    private void reopened(CloudEvent event, CaseReopened reopened) {
        Map<String, Object> data = data(
                "caseNumber", reopened.caseNumber(),
                "unitName", reopened.unit().name(),
                "reason", reopened.reason(),
                "reopenCount", reopened.reopenCount(),
                "newDeadline", when(reopened.newDeadline()));
        complainantOf(reopened.caseNumber())
                .ifPresent(c -> toComplainant(event, c, "reopened", "您的诉求已重新办理 " + reopened.caseNumber(), data));
        toUnit(event, reopened.unit(), reopened.caseNumber(), "reopened", "重办件 " + reopened.caseNumber(), data);
    }

    /** 办结: the complainant learns the case is closed. */
    private void closed(CloudEvent event, CaseClosed closed) {
        complainantOf(closed.caseNumber())
                .ifPresent(c -> toComplainant(
                        event, c, "closed", "您的诉求已办结 " + closed.caseNumber(), data("caseNumber", closed.caseNumber())));
    }

    private void reminder(CloudEvent event, ReminderDue due) {
        toUnit(
                event,
                due.unit(),
                due.caseNumber(),
                "reminder",
                "催办提醒 " + due.caseNumber(),
                data(
                        "caseNumber", due.caseNumber(),
                        "clockName", CLOCK_NAMES.getOrDefault(due.clock(), due.clock()),
                        "percent", due.percent(),
                        "deadline", when(due.deadline())));
    }

    private void reminderNotice(CloudEvent event, ReminderNoticeIssued notice) {
        toUnit(
                event,
                notice.unit(),
                notice.caseNumber(),
                "reminder-notice",
                "催办通知书 " + notice.noticeNumber(),
                data(
                        "caseNumber", notice.caseNumber(),
                        "clockName", CLOCK_NAMES.getOrDefault(notice.clock(), notice.clock()),
                        "deadline", when(notice.deadline()),
                        "overdueWorkingDays", notice.overdueWorkingDays(),
                        "noticeNumber", notice.noticeNumber()));
    }

    /** 退单仲裁: the returning unit learns the ruling; an upheld return sends the case to the new lead. */
    private void returnRuled(CloudEvent event, ReturnRuled ruled) {
        Map<String, Object> data = data(
                "caseNumber", ruled.caseNumber(),
                "upheld", ruled.upheld(),
                "improper", ruled.improper(),
                "newLeadName", ruled.newLead() == null ? "" : ruled.newLead().name(),
                "reason", ruled.reason());
        toUnit(event, ruled.unit(), ruled.caseNumber(), "return-ruled", "退单仲裁结果 " + ruled.caseNumber(), data);
        if (ruled.upheld() && ruled.newLead() != null) {
            toUnit(event, ruled.newLead(), ruled.caseNumber(), "return-ruled", "退单仲裁结果 " + ruled.caseNumber(), data);
        }
    }

    private void designated(CloudEvent event, HandlerDesignated designated) {
        toUnit(
                event,
                designated.unit(),
                designated.caseNumber(),
                "designated",
                "指定承办 " + designated.caseNumber(),
                data("caseNumber", designated.caseNumber(), "reason", designated.reason()));
    }

    /** 延期申请: the supervisors who decide. */
    private void extensionRequested(CloudEvent event, ExtensionRequested request) {
        toRole(
                event,
                "supervisor",
                request.caseNumber(),
                "extension-requested",
                "延期申请待审批 " + request.caseNumber(),
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
        toUnit(
                event,
                approved.unit(),
                approved.caseNumber(),
                "extension-decided",
                "延期已批准 " + approved.caseNumber(),
                data);
        complainantOf(approved.caseNumber())
                .ifPresent(c -> toComplainant(event, c, "extended", "您的诉求办理期限已延长 " + approved.caseNumber(), data));
    }

    private void extensionRejected(CloudEvent event, ExtensionRejected rejected) {
        toUnit(
                event,
                rejected.unit(),
                rejected.caseNumber(),
                "extension-decided",
                "延期未批准 " + rejected.caseNumber(),
                data(
                        "caseNumber", rejected.caseNumber(),
                        "approved", false,
                        "workingDays", 0,
                        "deadline", when(rejected.deadline()),
                        "reason", rejected.reason()));
    }

    /** 督办单: supervisors (who follow it up with the head of the unit). */
    private void supervisionOrder(CloudEvent event, SupervisionOrderIssued order) {
        toRole(
                event,
                "supervisor",
                order.caseNumber(),
                "supervision-order",
                "督办单 " + order.orderNumber(),
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
        toRole(
                event,
                "inspector",
                clue.caseNumber(),
                "clue",
                "新线索 " + clue.clueId(),
                data(
                        "caseNumber", clue.caseNumber(),
                        "clueId", clue.clueId(),
                        "unitName", clue.unit().name(),
                        "kind", clue.kind(),
                        "description", clue.description()));
    }

    /** The delivery log of a case. */
    @Transactional
    public List<NotificationView> deliveryLog(String caseNumber) {
        return notifications.listByCase(caseNumber).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** In-app messages of the caller (by user name) and of the caller's units, unread first. */
    @Transactional
    public List<NotificationView> inboxOf(String username, Collection<String> units) {
        List<String> keys = new java.util.ArrayList<>(units);
        if (username != null) {
            keys.add(username);
        }
        return keys.isEmpty()
                ? List.of()
                : notifications.inbox(keys).stream().map(NotificationView::of).toList();
    }

    /** Marks one of the caller's in-app messages read; another person's message is "not found". */
    @Transactional
    public NotificationView markRead(long id, String username, Collection<String> units) {
        Notification n = notifications
                .findByIdOptional(id)
                .filter(m ->
                        m.channel == Channel.INBOX && (m.recipient.equals(username) || units.contains(m.recipient)))
                .orElseThrow(() -> org.openysb.problem.DomainException.notFound("message", String.valueOf(id)));
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now(clock);
        }
        return NotificationView.of(n);
    }

    private java.util.Optional<CaseComplainant> complainantOf(String caseNumber) {
        java.util.Optional<CaseComplainant> c = complainants.findByIdOptional(caseNumber);
        if (c.isEmpty()) {
            LOG.debugf("no contactable complainant known for %s", caseNumber);
        }
        return c;
    }

    /** SMS to the masked mobile's owner and email (resolved at sending time) to the complainant. */
    private void toComplainant(
            CloudEvent event, CaseComplainant c, String message, String subject, Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c.maskedMobile != null) {
            Notification sms = base(event, c.caseNumber, message + ".sms", now);
            sms.recipientKind = RecipientKind.COMPLAINANT;
            sms.recipient = c.complainant;
            sms.address = c.maskedMobile;
            sms.channel = Channel.SMS;
            sms.urgent = c.urgent;
            sms.body = render("notifications/" + message + ".sms", data);
            sms.nextAttemptAt = c.urgent ? now : quietHours.earliestSend(now);
            fitSms(sms);
            record(sms);
        }
        Notification email = base(event, c.caseNumber, message + ".email", now);
        email.recipientKind = RecipientKind.COMPLAINANT;
        email.recipient = c.complainant;
        email.channel = Channel.EMAIL;
        email.subject = subject;
        email.body = render(
                templates.getTemplate("notifications/" + message + ".email") != null
                        ? "notifications/" + message + ".email"
                        : "notifications/" + message + ".sms",
                data);
        email.nextAttemptAt = now;
        record(email);
    }

    /** The unit's shared inbox, and an email to each of its handlers in the recipient table. */
    private void toUnit(
            CloudEvent event,
            UnitRef unit,
            String caseNumber,
            String message,
            String subject,
            Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String body = render("notifications/" + message + ".inbox", data);
        Notification n = base(event, caseNumber, message + ".inbox", now);
        n.recipientKind = RecipientKind.UNIT;
        n.recipient = unit.code();
        n.channel = Channel.INBOX;
        n.subject = subject;
        n.body = body;
        n.markDelivered(now);
        record(n);
        for (Recipient person : recipients.activeByUnitAndRole(unit.code(), "handler")) {
            email(event, caseNumber, message, subject, body, person, now);
        }
    }

    /** Each active person with the role: an inbox message and an email. */
    private void toRole(
            CloudEvent event,
            String role,
            String caseNumber,
            String message,
            String subject,
            Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String body = render("notifications/" + message + ".inbox", data);
        for (Recipient person : recipients.activeByRole(role)) {
            Notification n = base(event, caseNumber, message + ".inbox", now);
            n.recipientKind = RecipientKind.PERSON;
            n.recipient = person.username;
            n.channel = Channel.INBOX;
            n.subject = subject;
            n.body = body;
            n.markDelivered(now);
            record(n);
            email(event, caseNumber, message, subject, body, person, now);
        }
    }

    private void email(
            CloudEvent event,
            String caseNumber,
            String message,
            String subject,
            String body,
            Recipient person,
            OffsetDateTime now) {
        if (person.email == null || person.email.isBlank()) {
            return;
        }
        Notification e = base(event, caseNumber, message + ".email", now);
        e.recipientKind = RecipientKind.PERSON;
        e.recipient = person.username;
        e.address = person.email;
        e.channel = Channel.EMAIL;
        e.subject = subject;
        e.body = body;
        e.nextAttemptAt = now;
        record(e);
    }

    /** Applies the provider's length rule: trim to the allowed segments, or refuse (DEAD, nothing sent). */
    private void fitSms(Notification sms) {
        int max = config.sms().maxSegments();
        if (SmsText.segments(sms.body) <= max) {
            return;
        }
        if ("REFUSE".equalsIgnoreCase(config.sms().overflow())) {
            sms.markFailed("短信超过" + max + "条计费长度 (SMS longer than " + max + " segments)", null);
        } else {
            sms.body = SmsText.trim(sms.body, max);
        }
    }

    private void record(Notification n) {
        if (notifications.recordOnce(n)) {
            LOG.infof(
                    "%s %s for %s %s recorded (%s)", n.channel, n.template, n.recipientKind, n.recipient, n.caseNumber);
            if (n.channel == Channel.INBOX) {
                stream.publishAfterCommit(n);
            }
        }
    }

    private String render(String template, Map<String, Object> data) {
        Template t = templates.getTemplate(template);
        if (t == null) {
            throw new IllegalStateException("no template " + template);
        }
        return t.data(data).render().strip();
    }

    /**
     * The complainant's follow-up link with the token supervision-service checks (FollowUpLinks there): the first 32
     * hex characters of HMAC-SHA256("follow-up:" + case number) under the shared secret.
     */
    String followUpLink(String caseNumber) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    config.contacts().followUpSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String token = java.util.HexFormat.of()
                    .formatHex(
                            mac.doFinal(("follow-up:" + caseNumber).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, 32);
            return config.contacts().followUpLink() + caseNumber + "?token=" + token;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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

    private static Notification base(CloudEvent event, String caseNumber, String template, OffsetDateTime now) {
        Notification n = new Notification();
        n.eventId = event.id();
        n.eventType = event.type();
        n.caseNumber = caseNumber;
        n.template = template;
        n.createdAt = now;
        n.status = Notification.Status.PENDING;
        return n;
    }
}
