package org.openysb.notification.rules.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.events.UnitRef;
import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.delivery.model.Notification;
import org.openysb.notification.delivery.model.Notification.Channel;
import org.openysb.notification.delivery.model.Notification.RecipientKind;
import org.openysb.notification.delivery.model.SmsText;
import org.openysb.notification.delivery.repository.NotificationRepository;
import org.openysb.notification.delivery.service.DeliveryService;
import org.openysb.notification.inbox.service.InboxStream;
import org.openysb.notification.rules.model.CaseComplainant;
import org.openysb.notification.rules.model.Recipient;
import org.openysb.notification.rules.repository.CaseComplainantRepository;
import org.openysb.notification.rules.repository.RecipientRepository;
import org.openysb.notification.templates.model.TemplateCatalog;
import org.openysb.notification.templates.service.TemplateService;

/**
 * Addresses, renders and records the messages {@link EventRules} decides on: the complainant (SMS and email, resolved
 * at sending time), a unit (its shared inbox and its handlers' emails) or every active person with a role (inbox and
 * email in the person's language). Within a poll ({@link #beginPoll}) recipients are looked up once and the messages
 * are recorded together at the end ({@link #recordPoll}).
 */
@ApplicationScoped
class Addressing {
    private static final Logger LOG = Logger.getLogger(Addressing.class);

    /**
     * What one poll's transaction gathers: the messages to record (written together at the end, a few statements
     * instead of one per message) and the staff recipients already looked up.
     */
    private record Batch(
            List<Notification> messages,
            Map<String, List<Recipient>> staff,
            Map<String, CaseComplainant> complainants,
            Map<String, java.util.Optional<CaseComplainant>> stored) {}

    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    private final NotificationRepository notifications;
    private final RecipientRepository recipients;
    private final CaseComplainantRepository complainants;
    private final TemplateService templates;
    private final Clock clock;
    private final NotificationConfig config;
    private final DeliveryService deliveries;
    private final InboxStream stream;

    public Addressing(
            NotificationRepository notifications,
            RecipientRepository recipients,
            CaseComplainantRepository complainants,
            TemplateService templates,
            Clock clock,
            NotificationConfig config,
            DeliveryService deliveries,
            InboxStream stream) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.complainants = complainants;
        this.templates = templates;
        this.clock = clock;
        this.config = config;
        this.deliveries = deliveries;
        this.stream = stream;
    }

    /**
     * Starts a poll on this thread: messages wait for {@link #recordPoll}; {@code stored} holds the complainants of the
     * poll's cases as read in one statement (empty: not reported yet).
     */
    void beginPoll(Map<String, java.util.Optional<CaseComplainant>> stored) {
        BATCH.set(new Batch(new java.util.ArrayList<>(), new HashMap<>(), new java.util.LinkedHashMap<>(), stored));
    }

    /** Ends the poll on this thread and records what it gathered: the complainants, then the messages. */
    void recordPoll() {
        Batch batch = BATCH.get();
        BATCH.remove();
        complainants.rememberAll(batch.complainants().values());
        for (Notification n : notifications.recordAll(batch.messages())) {
            recorded(n);
        }
    }

    /** Forgets the poll on this thread (after a failure). */
    void abandonPoll() {
        BATCH.remove();
    }

    /** Remembers who the complainant of a case is: now, or with the poll's messages. */
    void remember(CaseComplainant c) {
        Batch batch = BATCH.get();
        if (batch == null) {
            complainants.rememberOnce(c);
        } else {
            batch.complainants().putIfAbsent(c.caseNumber, c); // written with the poll's messages
        }
    }

    /**
     * Who to tell about a step of a case. When ComplaintSubmitted has been consumed, its answer (contactable or not);
     * when it has not (yet): the complainant reference, which is deterministic ({@code complaint:<caseNumber>}), to be
     * resolved at sending time by complaint-intake, which knows whether they left a mobile or an email. Nobody is
     * silently forgotten because events of a backlog were consumed out of order.
     */
    java.util.Optional<Complainant> complainantOf(String caseNumber, boolean urgent) {
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
    void toComplainant(CloudEvent event, Complainant c, String message, Map<String, Object> data) {
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
    void toUnit(CloudEvent event, UnitRef unit, String caseNumber, String message, Map<String, Object> data) {
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
    void toRole(CloudEvent event, String role, String caseNumber, String message, Map<String, Object> data) {
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
