package org.openysb.notification.delivery.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.notification.delivery.repository.NotificationRepository;

/** The delivery log: the proof of who was told what and when, by case or by recipient. */
@ApplicationScoped
public class DeliveryLog {
    private final NotificationRepository notifications;

    public DeliveryLog(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The delivery log of a case. */
    @Transactional
    public List<NotificationView> ofCase(String caseNumber) {
        return notifications.listByCase(caseNumber).stream()
                .map(NotificationView::of)
                .toList();
    }

    /** The delivery log of one recipient (complainant reference, unit code or user name), newest first. */
    @Transactional
    public List<NotificationView> ofRecipient(String recipient, int limit) {
        return notifications.listByRecipient(recipient, limit).stream()
                .map(NotificationView::of)
                .toList();
    }
}
