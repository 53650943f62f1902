package org.openysb.notification.inbox.service;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import org.openysb.notification.delivery.model.Notification;
import org.openysb.notification.delivery.service.NotificationView;
import org.openysb.outbox.AfterCommit;

/**
 * New in-app messages as they are committed, for the server-sent-events stream. In memory and per instance: a client
 * that reconnects reads {@code GET /api/inbox} for what it missed.
 */
@ApplicationScoped
public class InboxStream {
    private final BroadcastProcessor<NotificationView> processor = BroadcastProcessor.create();
    private final TransactionSynchronizationRegistry transactions;

    public InboxStream(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Emits the message once its transaction has committed (never a message that was rolled back). */
    public void publishAfterCommit(Notification n) {
        NotificationView view = NotificationView.of(n);
        AfterCommit.run(transactions, () -> processor.onNext(view));
    }

    /** New messages for this user name or these units. */
    public Multi<NotificationView> messagesFor(String username, Collection<String> units) {
        Set<String> keys = new java.util.HashSet<>(units);
        if (username != null) {
            keys.add(username);
        }
        return processor.filter(v -> keys.contains(v.recipient()));
    }
}
