package org.openysb.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.openysb.contracts.CloudEvent;

/**
 * The consuming side of exactly-once in effect: a consumer records each event id in the same transaction as the
 * changes the event causes, and skips an event it has already recorded.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Marks the event as consumed by {@code consumer}.
     *
     * @return true the first time, false when this consumer has seen the event before (do nothing then)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event) {
        int inserted = entityManager
                .createNativeQuery("insert into consumed_event (consumer, event_id, event_type, subject)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * {@link #firstDelivery} for a whole poll of events, in one statement in the caller's transaction: marks them as
     * consumed by {@code consumer} and returns the ids of those it sees for the first time (an id twice in the list
     * counts once). Ids are inserted in sorted order, so that two instances marking overlapping polls lock the rows in
     * the same order and cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, List<CloudEvent> events) {
        Map<String, CloudEvent> byId = new TreeMap<>();
        events.forEach(e -> byId.putIfAbsent(e.id(), e));
        if (byId.isEmpty()) {
            return Set.of();
        }
        String[] ids = byId.keySet().toArray(String[]::new);
        String[] types = byId.values().stream().map(CloudEvent::type).toArray(String[]::new);
        String[] subjects = byId.values().stream().map(CloudEvent::subject).toArray(String[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> first = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids));
                insert.setArray(3, connection.createArrayOf("text", types));
                insert.setArray(4, connection.createArrayOf("text", subjects));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getString(1));
                    }
                }
            }
            return first;
        });
    }

    private static final String INSERT_ALL = "insert into consumed_event (consumer, event_id, event_type, subject)"
            + " select ?, e, t, s from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " with ordinality as x(e, t, s, n) order by n on conflict do nothing returning event_id";
}
