package org.openysb.notification.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.openysb.contracts.CloudEvent;

/**
 * The batch form of the outbox module's {@code Inbox.firstDelivery}, on the same table ({@code consumed_event}) with
 * the same meaning: marks a poll's events as consumed by {@code consumer} in one statement instead of one per event,
 * in the caller's transaction.
 */
@ApplicationScoped
public class ConsumedEventRepository {
    private static final String INSERT = "insert into consumed_event (consumer, event_id, event_type, subject)"
            + " select ?, e, t, s from unnest(?::text[], ?::text[], ?::text[]) as x(e, t, s)"
            + " on conflict do nothing returning event_id";

    private final EntityManager entityManager;

    public ConsumedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The ids of the events this consumer sees for the first time (now marked); the others were consumed before. */
    public Set<String> firstDeliveries(String consumer, List<CloudEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        String[] ids = events.stream().map(CloudEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(CloudEvent::type).toArray(String[]::new);
        String[] subjects = events.stream().map(CloudEvent::subject).toArray(String[]::new);
        return entityManager.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            Set<String> first = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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
}
