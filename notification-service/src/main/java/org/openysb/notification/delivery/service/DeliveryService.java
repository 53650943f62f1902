package org.openysb.notification.delivery.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.jboss.logging.Logger;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.delivery.channel.DeliveryException;
import org.openysb.notification.delivery.channel.MailSender;
import org.openysb.notification.delivery.channel.SmsGateway;
import org.openysb.notification.delivery.contact.ContactDirectory;
import org.openysb.notification.delivery.contact.IntakeContact;
import org.openysb.notification.delivery.model.Notification;
import org.openysb.notification.delivery.model.QuietHours;
import org.openysb.notification.delivery.model.RetryPolicy;
import org.openysb.notification.delivery.repository.NotificationRepository;
import org.openysb.notification.templates.model.TemplateCatalog;
import org.openysb.problem.DomainException;

/**
 * Sends what was recorded: claims due messages ({@code for update skip locked}), sends each on its channel, marks it in
 * the same transaction. At least once: if the process dies after a message was handed to the SMTP server or SMS
 * gateway but before the transaction commits, the row is still PENDING/FAILED and is sent again (a rare duplicate,
 * never a lost message).
 */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final NotificationRepository notifications;
    private final ContactDirectory contacts;
    private final SmsGateway sms;
    private final MailSender mail;
    private final Clock clock;
    private final NotificationConfig config;
    private final RetryPolicy retryPolicy;
    private final QuietHours quietHours;
    private final Set<String> quietHoursExempt;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final java.util.concurrent.ExecutorService senders;

    public DeliveryService(
            NotificationRepository notifications,
            ContactDirectory contacts,
            SmsGateway sms,
            MailSender mail,
            Clock clock,
            NotificationConfig config) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.sms = sms;
        this.mail = mail;
        this.clock = clock;
        this.config = config;
        NotificationConfig.Delivery d = config.delivery();
        this.retryPolicy = new RetryPolicy(d.maxAttempts(), d.initialBackoff(), d.maxBackoff(), d.jitter());
        NotificationConfig.QuietHoursConfig q = config.quietHours();
        this.quietHours = new QuietHours(q.enabled(), q.start(), q.end(), ZoneId.of(q.zone()));
        this.quietHoursExempt = q.exemptTemplates().orElse(Set.of());
        quietHoursExempt.stream()
                .filter(message -> !TemplateCatalog.exists(message + ".sms"))
                .forEach(message -> LOG.warnf(
                        "notification.quiet-hours.exempt-templates: %s is not a message sent by SMS", message));
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.senders = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, d.parallelism()), r -> {
            Thread t = new Thread(r, "notification-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Whether quiet hours hold this message back at {@code now}: only an SMS, and neither for an urgent case nor for a
     * message of {@code notification.quiet-hours.exempt-templates} (the receipt answers what the complainant did a
     * moment ago; replies, reminders and the like wait for the morning).
     */
    public boolean heldBack(Notification n, OffsetDateTime now) {
        return n.channel == Notification.Channel.SMS
                && !n.urgent
                && !quietHoursExempt.contains(TemplateCatalog.message(n.template))
                && quietHours.isQuiet(now);
    }

    /** When a message recorded {@code now} is first due: at once, or at the end of the quiet hours that hold it back. */
    public OffsetDateTime firstAttempt(Notification n, OffsetDateTime now) {
        return heldBack(n, now) ? quietHours.earliestSend(now) : now;
    }

    /**
     * Sends one batch of due messages; returns how many rows it handled. The complainants of the batch are resolved
     * once each (an SMS and an email to the same person cost one lookup), then the messages are handed over
     * {@code parallelism} at a time; the rows are marked in this transaction, which holds their locks throughout.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public int dispatchDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Notification> due = notifications.lockDue(now, config.delivery().batchSize());
        List<Notification> toSend = new ArrayList<>(due.size());
        for (Notification n : due) {
            if (heldBack(n, now)) {
                n.deferUntil(quietHours.earliestSend(now));
            } else if (n.channel == Notification.Channel.INBOX) {
                n.markDelivered(now);
            } else {
                toSend.add(n);
            }
        }
        Map<String, Resolved> resolved = new ConcurrentHashMap<>();
        List<String> refs = toSend.stream()
                .filter(n -> n.recipientKind == Notification.RecipientKind.COMPLAINANT)
                .map(n -> n.recipient)
                .distinct()
                .toList();
        inParallel(refs, ref -> resolved.put(ref, resolve(ref)));
        // a complainant's messages on one channel go out one after the other, in the order they were recorded (the
        // receipt before "assigned"); everything else in parallel (staff messages are about different cases)
        Map<String, List<Integer>> queues = new java.util.LinkedHashMap<>();
        for (int i = 0; i < toSend.size(); i++) {
            Notification n = toSend.get(i);
            String queue = n.recipientKind == Notification.RecipientKind.COMPLAINANT
                    ? n.recipient + "|" + n.channel
                    : String.valueOf(n.id);
            queues.computeIfAbsent(queue, k -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[toSend.size()];
        long deadline = System.nanoTime() + config.delivery().batchTimeBudget().toNanos();
        inParallel(List.copyOf(queues.values()), queue -> {
            for (int i : queue) {
                if (System.nanoTime() - deadline > 0) {
                    return; // past the batch's time budget: this one and the rest of its queue wait for the next run
                }
                outcomes[i] = attempt(toSend.get(i), resolved);
            }
        });
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null) {
                apply(toSend.get(i), outcomes[i], now);
            }
        }
        return due.size();
    }

    private <T> void inParallel(List<T> items, java.util.function.Consumer<T> work) {
        if (items.size() <= 1 || config.delivery().parallelism() <= 1) {
            items.forEach(work);
            return;
        }
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(senders.submit(() -> work.accept(item)));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** A complainant's contact points, or why they could not be had. */
    private record Resolved(IntakeContact contact, RuntimeException error) {}

    private Resolved resolve(String ref) {
        try {
            return new Resolved(contacts.resolve(ref), null);
        } catch (RuntimeException e) {
            return new Resolved(null, e);
        }
    }

    /** What one attempt came to. kind: DELIVERED, SKIPPED, FAILED (retry), DEAD (permanent). */
    private record Outcome(String kind, String error, String address) {}

    /** Hands one message to its channel; touches no entity state (it runs on a sender thread). */
    private Outcome attempt(Notification n, Map<String, Resolved> resolved) {
        boolean complainant = n.recipientKind == Notification.RecipientKind.COMPLAINANT;
        try {
            IntakeContact contact = null;
            if (complainant) {
                Resolved r = resolved.get(n.recipient);
                if (r.error() != null) {
                    throw r.error();
                }
                contact = r.contact();
            }
            switch (n.channel) {
                case SMS -> {
                    String mobile = complainant ? contact.mobile() : n.address;
                    if (blank(mobile)) {
                        return new Outcome("SKIPPED", "无手机号码 (no mobile number)", null);
                    }
                    sms.send(mobile, n.body);
                    return new Outcome("DELIVERED", null, complainant ? maskMobile(mobile) : null);
                }
                case EMAIL -> {
                    String email = complainant ? contact.email() : n.address;
                    if (blank(email)) {
                        return new Outcome("SKIPPED", "无电子邮箱 (no email address)", null);
                    }
                    mail.send(email, n.subject == null ? "营商环境投诉通知" : n.subject, n.body);
                    return new Outcome("DELIVERED", null, complainant ? mask(email) : null);
                }
                default -> {
                    return new Outcome("DELIVERED", null, null);
                }
            }
        } catch (ContactDirectory.UnknownContactException e) {
            return new Outcome("DEAD", e.getMessage(), null);
        } catch (DeliveryException e) {
            return new Outcome(e.permanent() ? "DEAD" : "FAILED", e.getMessage(), null);
        } catch (RuntimeException e) {
            return new Outcome("FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private void apply(Notification n, Outcome o, OffsetDateTime now) {
        n.attempts++;
        if (o.address() != null) {
            n.address = o.address();
        }
        switch (o.kind()) {
            case "DELIVERED" -> {
                n.markDelivered(now);
                LOG.debugf(
                        "%s %s delivered to %s %s (%s)",
                        n.channel, n.template, n.recipientKind, n.recipient, n.caseNumber);
            }
            case "SKIPPED" -> n.markSkipped(o.error());
            case "DEAD" -> {
                n.markFailed(o.error(), null);
                LOG.warnf("%s %s to %s undeliverable: %s", n.channel, n.template, n.recipient, o.error());
            }
            default -> {
                n.markFailed(o.error(), retryPolicy.nextAttempt(n.attempts, now, random));
                LOG.warnf(
                        "%s %s to %s failed (attempt %d): %s",
                        n.channel, n.template, n.recipient, n.attempts, o.error());
            }
        }
    }

    /** Dead letters, newest first (admin). */
    @Transactional
    public List<NotificationView> deadLetters() {
        return notifications.dead().stream().map(NotificationView::of).toList();
    }

    /** An admin sends a dead or failed message again, now, with a fresh set of attempts. */
    @Transactional
    public NotificationView retryNotification(long id) {
        Notification n = notifications
                .findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("notification", String.valueOf(id)));
        if (!n.retryNow(OffsetDateTime.now(clock))) {
            throw DomainException.conflict(
                    "not-retryable",
                    "只有发送失败或已进入死信的通知可以重发（验证码短信不重发）",
                    "Only failed or dead notifications can be retried (a verification code never is)",
                    "notification " + id + " is " + n.status);
        }
        return NotificationView.of(n);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** 138****0101: the masked mobile, as complaint-intake masks it in events. */
    public static String maskMobile(String mobile) {
        return mobile.length() < 8 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    @jakarta.annotation.PreDestroy
    void stopSenders() {
        senders.shutdownNow();
    }

    /** z***@example.org: the log proves where it went without keeping the complainant's address. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
