package org.openysb.notification.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.notification.model.Notification;

@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {
    public List<Notification> listByCase(String caseNumber) {
        return list("caseNumber = ?1 order by createdAt, id", caseNumber);
    }

    /** What was sent (or meant to be sent) to one recipient, newest first. */
    public List<Notification> listByRecipient(String recipient, int limit) {
        return find("recipient = ?1 order by createdAt desc, id desc", recipient)
                .page(0, limit)
                .list();
    }

    /** In-app messages of these recipients, unread first, newest first. */
    public List<Notification> inbox(Collection<String> recipients) {
        return list(
                "recipient in ?1 and channel = ?2 order by case when readAt is null then 0 else 1 end, createdAt desc",
                recipients,
                Notification.Channel.INBOX);
    }

    /**
     * Locks up to {@code limit} messages that are due for sending. {@code skip locked}: a row another dispatcher (another
     * instance) holds is left to it, so that no row is sent by two dispatchers at once. The locks are held until the
     * caller's transaction ends, i.e. until the rows are marked.
     */
    @SuppressWarnings("unchecked")
    public List<Notification> lockDue(OffsetDateTime now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select * from notification where status in ('PENDING', 'FAILED')"
                                + " and channel in ('SMS', 'EMAIL') and next_attempt_at <= ?1"
                                + " order by next_attempt_at, id limit ?2 for update skip locked",
                        Notification.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }

    public List<Notification> dead() {
        return list("status = ?1 order by createdAt desc, id desc", Notification.Status.DEAD);
    }

    /** Records the message unless this event already produced it for this recipient and channel. */
    public boolean recordOnce(Notification n) {
        List<?> ids = getEntityManager()
                .createNativeQuery("insert into notification (event_id, event_type, case_number, recipient_kind,"
                        + " recipient, address, channel, template, subject, body, status, created_at, sent_at,"
                        + " urgent, attempts, next_attempt_at, last_error)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15, ?16)"
                        + " on conflict (event_id, recipient, channel) do nothing returning id")
                .setParameter(1, n.eventId)
                .setParameter(2, n.eventType)
                .setParameter(3, n.caseNumber)
                .setParameter(4, n.recipientKind.name())
                .setParameter(5, n.recipient)
                .setParameter(6, n.address)
                .setParameter(7, n.channel.name())
                .setParameter(8, n.template)
                .setParameter(9, n.subject)
                .setParameter(10, n.body)
                .setParameter(11, n.status.name())
                .setParameter(12, n.createdAt)
                .setParameter(13, n.sentAt)
                .setParameter(14, n.urgent)
                .setParameter(15, n.nextAttemptAt)
                .setParameter(16, n.lastError)
                .getResultList();
        if (ids.isEmpty()) {
            return false;
        }
        n.id = ((Number) ids.get(0)).longValue();
        return true;
    }
}
