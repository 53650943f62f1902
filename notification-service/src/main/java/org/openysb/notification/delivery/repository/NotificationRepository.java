package org.openysb.notification.delivery.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.notification.delivery.model.Notification;

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

    /** Rows per statement of {@link #recordAll} (16 arrays of this length). */
    private static final int RECORD_CHUNK = 1_000;

    /**
     * Records many messages in few statements, each unless its event already produced it for this recipient and
     * channel (as {@link #recordOnce}); sets the id of each message recorded now and returns them, in order. The rows
     * go in as one array per column ({@code unnest}): one round trip per {@value #RECORD_CHUNK} messages, and ids in
     * the order of the list (the order in which a complainant's messages are sent).
     */
    public List<Notification> recordAll(List<Notification> all) {
        List<Notification> recorded = new java.util.ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += RECORD_CHUNK) {
            List<Notification> chunk = all.subList(from, Math.min(all.size(), from + RECORD_CHUNK));
            recorded.addAll(getEntityManager()
                    .unwrap(org.hibernate.Session.class)
                    .doReturningWork(connection -> insertChunk(connection, chunk)));
        }
        return recorded;
    }

    private static final String INSERT_ALL = "insert into notification (event_id, event_type, case_number,"
            + " recipient_kind, recipient, address, channel, template, subject, body, status, created_at, sent_at,"
            + " urgent, attempts, next_attempt_at, last_error)"
            + " select e, et, cn, rk, r, a, ch, t, s, b, st, ca::timestamptz, sa::timestamptz, u::boolean, 0,"
            + " na::timestamptz, le"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " with ordinality as x(e, et, cn, rk, r, a, ch, t, s, b, st, ca, sa, u, na, le, i)"
            + " order by i"
            + " on conflict (event_id, recipient, channel) do nothing returning id, event_id, recipient, channel";

    private static List<Notification> insertChunk(java.sql.Connection connection, List<Notification> chunk)
            throws java.sql.SQLException {
        int n = chunk.size();
        String[][] columns = new String[16][n];
        java.util.Map<String, Notification> byKey = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            Notification x = chunk.get(i);
            columns[0][i] = x.eventId;
            columns[1][i] = x.eventType;
            columns[2][i] = x.caseNumber;
            columns[3][i] = x.recipientKind.name();
            columns[4][i] = x.recipient;
            columns[5][i] = x.address;
            columns[6][i] = x.channel.name();
            columns[7][i] = x.template;
            columns[8][i] = x.subject;
            columns[9][i] = x.body;
            columns[10][i] = x.status.name();
            columns[11][i] = timestamp(x.createdAt);
            columns[12][i] = timestamp(x.sentAt);
            columns[13][i] = String.valueOf(x.urgent);
            columns[14][i] = timestamp(x.nextAttemptAt);
            columns[15][i] = x.lastError;
            byKey.putIfAbsent(x.eventId + "\u0000" + x.recipient + "\u0000" + x.channel.name(), x);
        }
        List<Notification> recorded = new java.util.ArrayList<>(n);
        try (java.sql.PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            for (int c = 0; c < 16; c++) {
                insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            try (java.sql.ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    Notification x =
                            byKey.get(rows.getString(2) + "\u0000" + rows.getString(3) + "\u0000" + rows.getString(4));
                    if (x != null) {
                        x.id = rows.getLong(1);
                        recorded.add(x);
                    }
                }
            }
        }
        recorded.sort(java.util.Comparator.comparingLong(x -> x.id));
        return recorded;
    }

    private static String timestamp(java.time.OffsetDateTime t) {
        return t == null
                ? null
                : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
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
