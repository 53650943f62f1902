package org.openysb.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;

/**
 * Writes an event into the outbox inside the caller's transaction, so that the state change and its event commit
 * together or not at all. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    private static final Object WAKE_UP_REGISTERED = new Object();
    private final EntityManager entityManager;
    private final String source;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(
            EntityManager entityManager,
            @ConfigProperty(name = "quarkus.application.name") String source,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.entityManager = entityManager;
        this.source = "/" + source;
        this.clock = Clock.systemUTC();
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * The event {@link #append} would write, for a caller that writes outbox rows with its own statements (columns
     * id, topic = {@code type.topic()}, message_key = the case number, event_type, payload = {@code EventJson.write})
     * and then calls {@link #wakeUpRelay()} once they are committed.
     */
    public CloudEvent newEvent(EventType type, String caseNumber, Object data) {
        JsonNode tree = EventJson.toTree(data);
        return CloudEvent.of(type, source, caseNumber, OffsetDateTime.now(clock), tree);
    }

    /** Tells the relay that rows were committed outside {@link #append} (it polls anyway; this only saves the wait). */
    public void wakeUpRelay() {
        relay.wakeUp();
    }

    /** One event about one case, for {@link #appendAll}. */
    public record Message(EventType type, String caseNumber, Object data) {}

    /**
     * {@link #append} for many events in one batched statement (a consumer's poll), in the given order; requires an
     * active transaction. Returns the events written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> appendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<CloudEvent> events = new ArrayList<>(messages.size());
        for (Message m : messages) {
            events.add(newEvent(m.type(), m.caseNumber(), m.data()));
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (id, topic, message_key, event_type, payload) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < messages.size(); i++) {
                    CloudEvent event = events.get(i);
                    insert.setObject(1, UUID.fromString(event.id()));
                    insert.setString(2, messages.get(i).type().topic());
                    insert.setString(3, messages.get(i).caseNumber());
                    insert.setString(4, event.type());
                    insert.setString(5, EventJson.write(event));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        wakeUpAfterCommit();
        return events;
    }

    /** Appends an event about one case; requires an active transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(EventType type, String caseNumber, Object data) {
        CloudEvent event = newEvent(type, caseNumber, data);
        entityManager
                .createNativeQuery("insert into outbox_event (id, topic, message_key, event_type, payload)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, type.topic())
                .setParameter(3, caseNumber)
                .setParameter(4, event.type())
                .setParameter(5, EventJson.write(event))
                .executeUpdate();
        wakeUpAfterCommit();
        return event;
    }

    private void wakeUpAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) == null) {
            transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
            AfterCommit.run(transactions, relay::wakeUp);
        }
    }
}
