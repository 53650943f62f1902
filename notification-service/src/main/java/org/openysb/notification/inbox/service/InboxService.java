package org.openysb.notification.inbox.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.notification.delivery.model.Notification;
import org.openysb.notification.delivery.model.Notification.Channel;
import org.openysb.notification.delivery.repository.NotificationRepository;
import org.openysb.notification.delivery.service.NotificationView;
import org.openysb.problem.DomainException;

/** The in-app messages of staff: a person's own and those of the person's units. */
@ApplicationScoped
public class InboxService {
    private final NotificationRepository notifications;
    private final Clock clock;

    public InboxService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** In-app messages of the caller (by user name) and of the caller's units, unread first. */
    @Transactional
    public List<NotificationView> inboxOf(String username, Collection<String> units) {
        List<String> keys = new ArrayList<>(units);
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
                .orElseThrow(() -> DomainException.notFound("message", String.valueOf(id)));
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now(clock);
        }
        return NotificationView.of(n);
    }
}
