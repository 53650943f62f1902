package org.openysb.notification.delivery.channel;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

import org.openysb.notification.config.NotificationConfig;

/** Email through the configured SMTP server (quarkus.mailer.*). Plain text, UTF-8. */
@ApplicationScoped
public class MailSender {
    private final ReactiveMailer mailer;
    /** A hard bound on one hand-over: a hung SMTP server must never stall the dispatcher. */
    private final Duration timeout;

    public MailSender(ReactiveMailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.timeout = config.mail().timeout();
    }

    public void send(String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text)).await().atMost(timeout);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new DeliveryException("SMTP server did not accept the message within " + timeout, false);
        } catch (RuntimeException e) {
            throw new DeliveryException("SMTP: " + e, false);
        }
    }
}
