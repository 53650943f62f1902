package org.openysb.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Email through the configured SMTP server (quarkus.mailer.*). Plain text, UTF-8. */
@ApplicationScoped
public class MailSender {
    private final Mailer mailer;

    public MailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public void send(String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text));
        } catch (RuntimeException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), false);
        }
    }
}
