package org.openysb.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.jboss.logging.Logger;

import org.openysb.notification.channel.DeliveryException;
import org.openysb.notification.channel.MailSender;
import org.openysb.notification.channel.SmsGateway;
import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.contact.ContactDirectory;
import org.openysb.notification.contact.IntakeContact;
import org.openysb.notification.model.Notification;
import org.openysb.notification.model.QuietHours;
import org.openysb.notification.model.RetryPolicy;
import org.openysb.notification.repository.NotificationRepository;
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
    private final RandomGenerator random = RandomGenerator.getDefault();

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
    }

    public QuietHours quietHours() {
        return quietHours;
    }

    /** Sends one batch of due messages; returns how many rows it handled. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public int dispatchDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Notification> due = notifications.lockDue(now, config.delivery().batchSize());
        for (Notification n : due) {
            deliver(n, now);
        }
        return due.size();
    }

    private void deliver(Notification n, OffsetDateTime now) {
        if (n.channel == Notification.Channel.SMS && !n.urgent && quietHours.isQuiet(now)) {
            n.deferUntil(quietHours.earliestSend(now));
            return;
        }
        n.attempts++;
        try {
            switch (n.channel) {
                case SMS -> {
                    String mobile = n.recipientKind == Notification.RecipientKind.COMPLAINANT
                            ? contacts.resolve(n.recipient).mobile()
                            : n.address;
                    if (blank(mobile)) {
                        n.markSkipped("无手机号码 (no mobile number)");
                        return;
                    }
                    sms.send(mobile, n.body);
                }
                case EMAIL -> {
                    String email;
                    if (n.recipientKind == Notification.RecipientKind.COMPLAINANT) {
                        IntakeContact c = contacts.resolve(n.recipient);
                        email = c.email();
                        if (!blank(email)) {
                            n.address = mask(email);
                        }
                    } else {
                        email = n.address;
                    }
                    if (blank(email)) {
                        n.markSkipped("无电子邮箱 (no email address)");
                        return;
                    }
                    mail.send(email, n.subject == null ? "营商环境投诉通知" : n.subject, n.body);
                }
                default -> {
                    n.markDelivered(now);
                    return;
                }
            }
            n.markDelivered(now);
            LOG.infof(
                    "%s %s delivered to %s %s (%s)", n.channel, n.template, n.recipientKind, n.recipient, n.caseNumber);
        } catch (ContactDirectory.UnknownContactException e) {
            n.markFailed(e.getMessage(), null);
        } catch (DeliveryException e) {
            n.markFailed(e.getMessage(), e.permanent() ? null : retryPolicy.nextAttempt(n.attempts, now, random));
            LOG.warnf(
                    "%s %s to %s failed (attempt %d): %s",
                    n.channel, n.template, n.recipient, n.attempts, e.getMessage());
        } catch (RuntimeException e) {
            n.markFailed(
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    retryPolicy.nextAttempt(n.attempts, now, random));
            LOG.warnf(
                    "%s %s to %s failed (attempt %d): %s",
                    n.channel, n.template, n.recipient, n.attempts, e.toString());
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
                    "只有发送失败或已进入死信的通知可以重发",
                    "Only failed or dead notifications can be retried",
                    "notification " + id + " is " + n.status);
        }
        return NotificationView.of(n);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** z***@example.org: the log proves where it went without keeping the complainant's address. */
    static String mask(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
