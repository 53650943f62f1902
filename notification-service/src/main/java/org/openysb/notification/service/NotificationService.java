package org.openysb.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.notification.model.Notification;
import org.openysb.notification.repository.NotificationRepository;
import org.openysb.outbox.Inbox;

/** Decides who must be told about an event, renders the message from its template and records it once. */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final String CONSUMER = "notification";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> TYPE_NAMES =
            Map.of("INQUIRY", "咨询", "HELP", "求助", "SUGGESTION", "意见建议", "COMPLAINT", "投诉", "REPORT", "举报");

    private final NotificationRepository notifications;
    private final Inbox inbox;
    private final Engine templates;

    public NotificationService(NotificationRepository notifications, Inbox inbox, Engine templates) {
        this.notifications = notifications;
        this.inbox = inbox;
        this.templates = templates;
    }

    @Transactional
    public void handle(CloudEvent event) {
        EventType type = EventType.fromCeType(event.type()).orElse(null);
        if (type == null || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        switch (type) {
            case COMPLAINT_SUBMITTED -> receipt(event, event.dataAs(ComplaintSubmitted.class));
            case WORK_ITEM_OPENED -> newCase(event, event.dataAs(WorkItemOpened.class));
            default -> {
                // later steps (reply, follow-up, reminders, clues) get their messages as their flows are built
            }
        }
    }

    /** 受理回执: the complainant learns the case number, if they left a way to be told. */
    private void receipt(CloudEvent event, ComplaintSubmitted complaint) {
        if (complaint.complainant() == null || !complaint.complainant().contactable()) {
            return; // anonymous without contact: nobody to tell
        }
        Notification n = base(event, complaint.caseNumber(), "receipt.sms");
        n.recipientKind = Notification.RecipientKind.COMPLAINANT;
        n.recipient = complaint.complainant().ref();
        n.address = complaint.complainant().maskedMobile();
        n.channel = Notification.Channel.SMS;
        n.body = render("notifications/receipt.sms", Map.of("caseNumber", complaint.caseNumber()));
        n.status = Notification.Status.PENDING;
        record(n);
    }

    /** 新派件: the lead unit's inbox gets the case and its deadlines. */
    private void newCase(CloudEvent event, WorkItemOpened opened) {
        Notification n = base(event, opened.caseNumber(), "new-case.inbox");
        n.recipientKind = Notification.RecipientKind.UNIT;
        n.recipient = opened.lead().code();
        n.channel = Notification.Channel.INBOX;
        n.subject = "新派件 " + opened.caseNumber();
        n.body = render(
                "notifications/new-case.inbox",
                Map.of(
                        "caseNumber", opened.caseNumber(),
                        "typeName", TYPE_NAMES.getOrDefault(opened.type(), opened.type()),
                        "urgent", opened.urgent(),
                        "unitName", opened.lead().name(),
                        "signForDeadline", WHEN.format(opened.signForDeadline().atZoneSameInstant(CHINA)),
                        "handlingDeadline",
                                WHEN.format(opened.handlingDeadline().atZoneSameInstant(CHINA))));
        n.status = Notification.Status.DELIVERED;
        n.sentAt = n.createdAt;
        record(n);
    }

    /** The delivery log of a case. */
    @Transactional
    public List<NotificationView> deliveryLog(String caseNumber) {
        return notifications.listByCase(caseNumber).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** In-app messages of the caller's units, unread first. */
    @Transactional
    public List<NotificationView> inboxOf(Collection<String> units) {
        return units.isEmpty()
                ? List.of()
                : notifications.inbox(units).stream().map(NotificationView::of).toList();
    }

    private void record(Notification n) {
        if (notifications.recordOnce(n)) {
            LOG.infof(
                    "%s %s for %s %s recorded (%s)", n.channel, n.template, n.recipientKind, n.recipient, n.caseNumber);
        }
    }

    private String render(String template, Map<String, Object> data) {
        Template t = templates.getTemplate(template);
        if (t == null) {
            throw new IllegalStateException("no template " + template);
        }
        return t.data(data).render().strip();
    }

    private static Notification base(CloudEvent event, String caseNumber, String template) {
        Notification n = new Notification();
        n.eventId = event.id();
        n.eventType = event.type();
        n.caseNumber = caseNumber;
        n.template = template;
        n.createdAt = OffsetDateTime.now();
        return n;
    }
}
