package org.openysb.notification.delivery.service;

import java.time.OffsetDateTime;

import org.openysb.notification.delivery.model.Notification;

/** A line of the delivery log or of an inbox. */
public record NotificationView(
        long id,
        String caseNumber,
        String eventType,
        String recipientKind,
        String recipient,
        String address,
        String channel,
        String template,
        String subject,
        String body,
        String status,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime readAt,
        int attempts,
        OffsetDateTime nextAttemptAt,
        String lastError) {

    public static NotificationView of(Notification n) {
        return new NotificationView(
                n.id,
                n.caseNumber,
                n.eventType,
                n.recipientKind.name(),
                n.recipient,
                n.address,
                n.channel.name(),
                n.template,
                n.subject,
                n.body,
                n.status.name(),
                china(n.createdAt),
                china(n.sentAt),
                china(n.readAt),
                n.attempts,
                china(n.nextAttemptAt),
                n.lastError);
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null
                ? null
                : t.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    }
}
