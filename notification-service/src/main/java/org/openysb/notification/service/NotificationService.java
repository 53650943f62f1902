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

import org.jboss.logging.Logger;

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
import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.model.CaseComplainant;
import org.openysb.notification.model.Notification;
import org.openysb.notification.model.Notification.Channel;
import org.openysb.notification.model.Notification.RecipientKind;
import org.openysb.notification.model.Recipient;
import org.openysb.notification.model.SmsText;
import org.openysb.notification.model.TemplateCatalog;
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
    private final Inbox consumedEvents;
    private final Inbox inbox;
    private final TemplateService templates;
    private final Clock clock;
    private final NotificationConfig config;
    private final DeliveryService deliveries;
    private final InboxStream stream;
    private final ComplainantLinks links;

    public NotificationService(
            NotificationRepository notifications,
            RecipientRepository recipients,
            CaseComplainantRepository complainants,
            Inbox consumedEvents,
            Inbox inbox,
            TemplateService templates,
            Clock clock,
            NotificationConfig config,
            DeliveryService deliveries,
            InboxStream stream,
            ComplainantLinks links) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.complainants = complainants;
        this.consumedEvents = consumedEvents;
        this.inbox = inbox;
        this.templates = templates;
        this.clock = clock;
        this.config = config;
        this.deliveries = deliveries;
        this.stream = stream;
        this.links = links;
    }

    /**
     * What one poll's transaction gathers: the messages to record (written together at the end, a few statements
     * instead of one per message) and the staff recipients already looked up.
     */
    private record Batch(
            List<Notification> messages,
            Map<String, List<Recipient>> staff,
            Map<String, CaseComplainant> complainants,
            Map<String, java.util.Optional<CaseComplainant>> stored) {}

    /** The events whose message goes to the complainant of a case already reported (complainantOf). */
    private static final java.util.Set<EventType> TO_COMPLAINANT = java.util.EnumSet.of(
            EventType.CASE_ROUTED,
            EventType.CASE_REPLIED,
            EventType.CASE_REOPENED,
            EventType.CASE_CLOSED,
            EventType.EXTENSION_APPROVED,
            EventType.CASE_SUSPENDED,
            EventType.CASE_RESUMED);

    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    /** Handles the events of one poll in one transaction (in order: one case's events are on one partition). */
    @Transactional
    public void handleAll(List<CloudEvent> events) {
        List<CloudEvent> known = events.stream()
                .filter(e -> EventType.fromCeType(e.type()).isPresent())
                .toList();
        // each event marked consumed in one statement for the poll (Inbox.firstDelivery's batch form)
        java.util.Set<String> first = consumedEvents.firstDeliveries(CONSUMER, known);
        // the complainants of the poll's later steps, read in one statement instead of one read per event
        List<String> cases = known.stream()
                .filter(e -> first.contains(e.id())
                        && e.subject() != null
                        && TO_COMPLAINANT.contains(
                                EventType.fromCeType(e.type()).orElseThrow()))
                .map(CloudEvent::subject)
                .distinct()
                .toList();
        Map<String, java.util.Optional<CaseComplainant>> stored = new HashMap<>();
        cases.forEach(c -> stored.put(c, java.util.Optional.empty()));
        complainants.findByCaseNumbers(cases).forEach(c -> stored.put(c.caseNumber, java.util.Optional.of(c)));
        Batch batch = new Batch(new java.util.ArrayList<>(), new HashMap<>(), new java.util.LinkedHashMap<>(), stored);
        BATCH.set(batch);
        try {
            for (CloudEvent event : known) {
                if (first.remove(event.id())) {
                    process(event, EventType.fromCeType(event.type()).orElseThrow());
                }
            }
        } finally {
            BATCH.remove();
        }
        complainants.rememberAll(batch.complainants().values());
        for (Notification n : notifications.recordAll(batch.messages())) {
            recorded(n);
        }
    }

    @Transactional
    public void handle(CloudEvent event) {
        EventType type = EventType.fromCeType(event.type()).orElse(null);
        if (type == null || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        process(event, type);
    }

    private void process(CloudEvent event, EventType type) {
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
        Batch batch = BATCH.get();
        if (batch == null) {
            complainants.rememberOnce(c);
        } else {
            batch.complainants().putIfAbsent(c.caseNumber, c); // written with the poll's messages
        }
        if (!c.contactable) {
            return; // anonymous without contact: nobody to tell, now or at any later step
        }
        OffsetDateTime receivedAt = complaint.receivedAt() != null
                ? complaint.receivedAt()
                : event.time() != null ? event.time() : OffsetDateTime.now(clock);
        toComplainant(
                event,
                Complainant.of(c),
                "receipt",
                data("caseNumber", c.caseNumber, "trackingLink", links.trackingLink(c.caseNumber, receivedAt)));
    }

    /** 已交办: the complainant learns which unit handles the case. */
    private void routed(CloudEvent event, CaseRouted routed) {
        complainantOf(routed.caseNumber(), routed.urgent())
                .ifPresent(c -> toComplainant(
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
        toUnit(event, opened.lead(), opened.caseNumber(), "new-case", data);
        // 协办: each co-handling unit is asked to help the lead unit
        if (opened.coHandlers() != null) {
            for (UnitRef co : opened.coHandlers()) {
                if (!co.code().equals(opened.lead().code())) {
                    toUnit(event, co, opened.caseNumber(), "co-handling", data);
                }
            }
        }
    }

    /** 答复 + 回访邀请: the reply and the follow-up link. */
    private void replied(CloudEvent event, CaseReplied replied) {
        complainantOf(replied.caseNumber(), false)
                .ifPresent(c -> toComplainant(
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
        complainantOf(reopened.caseNumber(), false).ifPresent(c -> toComplainant(event, c, "reopened", data));
        Map<String, Object> forUnit = new HashMap<>(data);
        forUnit.put("forUnit", true);
        toUnit(event, reopened.unit(), reopened.caseNumber(), "reopened", forUnit);
    }

    /** 办结: the complainant learns the case is closed. */
    private void closed(CloudEvent event, CaseClosed closed) {
        complainantOf(closed.caseNumber(), false)
                .ifPresent(c -> toComplainant(event, c, "closed", data("caseNumber", closed.caseNumber())));
    }

    private void reminder(CloudEvent event, ReminderDue due) {
        toUnit(
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
        toUnit(event, notice.unit(), notice.caseNumber(), "reminder-notice", data);
        toRole(event, "supervisor", notice.caseNumber(), "overdue", data);
    }

    /** 退单仲裁: the returning unit learns the ruling; an upheld return sends the case to the new lead. */
    private void returnRuled(CloudEvent event, ReturnRuled ruled) {
        Map<String, Object> data = data(
                "caseNumber", ruled.caseNumber(),
                "upheld", ruled.upheld(),
                "improper", ruled.improper(),
                "newLeadName", ruled.newLead() == null ? "" : ruled.newLead().name(),
                "reason", ruled.reason());
        toUnit(event, ruled.unit(), ruled.caseNumber(), "return-ruled", data);
        if (ruled.upheld() && ruled.newLead() != null) {
            toUnit(event, ruled.newLead(), ruled.caseNumber(), "return-ruled", data);
        }
    }

    private void designated(CloudEvent event, HandlerDesignated designated) {
        toUnit(
                event,
                designated.unit(),
                designated.caseNumber(),
                "designated",
                data("caseNumber", designated.caseNumber(), "reason", designated.reason()));
    }

    /** 延期申请: the supervisors who decide. */
    private void extensionRequested(CloudEvent event, ExtensionRequested request) {
        toRole(
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
        toUnit(event, approved.unit(), approved.caseNumber(), "extension-decided", data);
        complainantOf(approved.caseNumber(), false).ifPresent(c -> toComplainant(event, c, "extended", data));
    }

    private void extensionRejected(CloudEvent event, ExtensionRejected rejected) {
        toUnit(
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
        toRole(
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
        toUnit(event, suspended.unit(), suspended.caseNumber(), "suspension-decided", data);
        complainantOf(suspended.caseNumber(), false).ifPresent(c -> toComplainant(event, c, "suspended", data));
    }

    private void suspensionRejected(CloudEvent event, SuspensionRejected rejected) {
        toUnit(
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
        complainantOf(resumed.caseNumber(), false).ifPresent(c -> toComplainant(event, c, "resumed", data));
        Map<String, Object> forUnit = new HashMap<>(data);
        forUnit.put("forUnit", true);
        toUnit(event, resumed.unit(), resumed.caseNumber(), "resumed", forUnit);
    }

    /** 督办单: supervisors (who follow it up with the head of the unit). */
    private void supervisionOrder(CloudEvent event, SupervisionOrderIssued order) {
        toRole(
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
        toRole(
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

    /** The delivery log of a case. */
    @Transactional
    public List<NotificationView> deliveryLog(String caseNumber) {
        return notifications.listByCase(caseNumber).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** The delivery log of one recipient (complainant reference, unit code or user name), newest first. */
    @Transactional
    public List<NotificationView> deliveryLogOf(String recipient, int limit) {
        return notifications.listByRecipient(recipient, limit).stream()
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

    /**
     * Who to tell about a step of a case. When ComplaintSubmitted has been consumed, its answer (contactable or not);
     * when it has not (yet): the complainant reference, which is deterministic ({@code complaint:<caseNumber>}), to be
     * resolved at sending time by complaint-intake, which knows whether they left a mobile or an email. Nobody is
     * silently forgotten because events of a backlog were consumed out of order.
     */
    private java.util.Optional<Complainant> complainantOf(String caseNumber, boolean urgent) {
        Batch batch = BATCH.get();
        java.util.Optional<CaseComplainant> known =
                batch != null && batch.stored().containsKey(caseNumber)
                        ? batch.stored().get(caseNumber) // read with the poll's others (handleAll)
                        : complainants.findByIdOptional(caseNumber);
        if (known.isEmpty() && batch != null) {
            known = java.util.Optional.ofNullable(batch.complainants().get(caseNumber)); // earlier in this poll
        }
        if (known.isPresent()) {
            return known.get().contactable
                    ? java.util.Optional.of(Complainant.of(known.get()))
                    : java.util.Optional.empty();
        }
        LOG.debugf("ComplaintSubmitted of %s not seen yet: the complainant is resolved when sending", caseNumber);
        return java.util.Optional.of(new Complainant(caseNumber, "complaint:" + caseNumber, null, urgent, true));
    }

    /**
     * A complainant to tell: the opaque ref, the masked mobile as far as known, and whether the contact points are
     * still to be resolved from complaint-intake (ComplaintSubmitted not consumed yet).
     */
    record Complainant(String caseNumber, String ref, String maskedMobile, boolean urgent, boolean resolveAtSend) {
        static Complainant of(CaseComplainant c) {
            return new Complainant(c.caseNumber, c.complainant, c.maskedMobile, c.urgent, false);
        }
    }

    /** SMS (where a mobile is or may be known) and email (resolved at sending time) to the complainant, in Chinese. */
    private void toComplainant(CloudEvent event, Complainant c, String message, Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String locale = TemplateCatalog.ZH;
        String subject = templates.render(message + ".subject", locale, data);
        if (c.maskedMobile() != null || c.resolveAtSend()) {
            Notification sms = base(event, c.caseNumber(), message + ".sms", now);
            sms.recipientKind = RecipientKind.COMPLAINANT;
            sms.recipient = c.ref();
            sms.address = c.maskedMobile();
            sms.channel = Channel.SMS;
            sms.urgent = c.urgent();
            sms.body = templates.render(message + ".sms", locale, data);
            sms.nextAttemptAt = deliveries.firstAttempt(sms, now);
            fitSms(sms);
            record(sms);
        }
        Notification email = base(event, c.caseNumber(), message + ".email", now);
        email.recipientKind = RecipientKind.COMPLAINANT;
        email.recipient = c.ref();
        email.channel = Channel.EMAIL;
        email.subject = subject;
        email.body = templates.render(message + ".email", locale, data); // the SMS text unless it has its own
        email.nextAttemptAt = now;
        record(email);
    }

    /** The unit's shared inbox (in Chinese), and an email to each of its handlers in the recipient table. */
    private void toUnit(CloudEvent event, UnitRef unit, String caseNumber, String message, Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Rendered zh = rendered(message, TemplateCatalog.ZH, data);
        Notification n = base(event, caseNumber, message + ".inbox", now);
        n.recipientKind = RecipientKind.UNIT;
        n.recipient = unit.code();
        n.channel = Channel.INBOX;
        n.subject = zh.subject();
        n.body = zh.body();
        n.markDelivered(now);
        record(n);
        Map<String, Rendered> byLocale = new HashMap<>(Map.of(TemplateCatalog.ZH, zh));
        for (Recipient person : unitHandlers(unit.code())) {
            Rendered r = byLocale.computeIfAbsent(localeOf(person), l -> rendered(message, l, data));
            email(event, caseNumber, message, r, person, now);
        }
    }

    /** Each active person with the role: an inbox message and an email, in the person's language. */
    private void toRole(CloudEvent event, String role, String caseNumber, String message, Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Rendered> byLocale = new HashMap<>();
        for (Recipient person : staff("role|" + role, () -> recipients.activeByRole(role))) {
            Rendered r = byLocale.computeIfAbsent(localeOf(person), l -> rendered(message, l, data));
            Notification n = base(event, caseNumber, message + ".inbox", now);
            n.recipientKind = RecipientKind.PERSON;
            n.recipient = person.username;
            n.channel = Channel.INBOX;
            n.subject = r.subject();
            n.body = r.body();
            n.markDelivered(now);
            record(n);
            email(event, caseNumber, message, r, person, now);
        }
    }

    /** Subject and body of a staff message (the inbox text, also used for the email). */
    private record Rendered(String subject, String body) {}

    private Rendered rendered(String message, String locale, Map<String, Object> data) {
        return new Rendered(
                templates.render(message + ".subject", locale, data),
                templates.render(message + ".inbox", locale, data));
    }

    private static String localeOf(Recipient person) {
        return person.locale == null || !TemplateCatalog.supportedLocale(person.locale)
                ? TemplateCatalog.ZH
                : person.locale;
    }

    private void email(
            CloudEvent event, String caseNumber, String message, Rendered text, Recipient person, OffsetDateTime now) {
        if (person.email == null || person.email.isBlank()) {
            return;
        }
        Notification e = base(event, caseNumber, message + ".email", now);
        e.recipientKind = RecipientKind.PERSON;
        e.recipient = person.username;
        e.address = person.email;
        e.channel = Channel.EMAIL;
        e.subject = text.subject();
        e.body = text.body();
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

    /**
     * The active handlers of a unit. Within a poll every active handler is read once and grouped by unit (a poll's new
     * cases reach dozens of units: one read instead of one per unit; in the same order, by user name).
     */
    private List<Recipient> unitHandlers(String unitCode) {
        Batch batch = BATCH.get();
        if (batch == null) {
            return recipients.activeByUnitAndRole(unitCode, "handler");
        }
        List<Recipient> known = batch.staff().get("unit|" + unitCode);
        if (known == null) {
            // not inside computeIfAbsent: staff() adds the poll's handlers to the same map
            known = staff("role|handler", () -> recipients.activeByRole("handler")).stream()
                    .filter(r -> unitCode.equals(r.unitCode))
                    .toList();
            batch.staff().put("unit|" + unitCode, known);
        }
        return known;
    }

    /** Staff recipients, looked up once per poll's batch. */
    private List<Recipient> staff(String key, java.util.function.Supplier<List<Recipient>> lookup) {
        Batch batch = BATCH.get();
        return batch == null ? lookup.get() : batch.staff().computeIfAbsent(key, k -> lookup.get());
    }

    /** Records the message now, or with the rest of the poll's batch (handleAll). */
    private void record(Notification n) {
        Batch batch = BATCH.get();
        if (batch != null) {
            batch.messages().add(n);
        } else if (notifications.recordOnce(n)) {
            recorded(n);
        }
    }

    private void recorded(Notification n) {
        LOG.debugf("%s %s for %s %s recorded (%s)", n.channel, n.template, n.recipientKind, n.recipient, n.caseNumber);
        if (n.channel == Channel.INBOX) {
            stream.publishAfterCommit(n);
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
