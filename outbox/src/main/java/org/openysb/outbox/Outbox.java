package org.openysb.outbox;

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

    /** The event {@link #append} would write (see {@link #row}). */
    public CloudEvent newEvent(EventType type, String caseNumber, Object data) {
        JsonNode tree = EventJson.toTree(data);
        return CloudEvent.of(type, source, caseNumber, OffsetDateTime.now(clock), tree);
    }

    /** Tells the relay that rows were committed outside {@link #append} (it polls anyway; this only saves the wait). */
    public void wakeUpRelay() {
        relay.wakeUp();
    }

    /**
     * The outbox row of the event {@link #append} would write, for a batch that writes its rows in a statement of its
     * own ({@link OutboxRows#INSERT}) and calls {@link #wakeUpRelay()} once they are committed.
     */
    public OutboxRows.Row row(EventType type, String caseNumber, Object data) {
        CloudEvent event = newEvent(type, caseNumber, data);
        return new OutboxRows.Row(
                UUID.fromString(event.id()), type.topic(), caseNumber, event.type(), EventJson.write(event));
    }

    /** One event about one case, for {@link #appendAll}. */
    public record Message(EventType type, String caseNumber, Object data) {}

    /**
     * {@link #append} for many events in one statement (a consumer's poll, a batch), in the given order; requires an
     * active transaction. Returns the events written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> appendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<CloudEvent> events = new ArrayList<>(messages.size());
        List<OutboxRows.Row> rows = new ArrayList<>(messages.size());
        for (Message m : messages) {
            CloudEvent event = newEvent(m.type(), m.caseNumber(), m.data());
            events.add(event);
            rows.add(new OutboxRows.Row(
                    UUID.fromString(event.id()),
                    m.type().topic(),
                    m.caseNumber(),
                    event.type(),
                    EventJson.write(event)));
        }
        entityManager.unwrap(Session.class).doWork(connection -> OutboxRows.insert(connection, rows));
        wakeUpAfterCommit();
        return events;
    }

    /** Appends an event about one case; requires an active transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(EventType type, String caseNumber, Object data) {
        return appendAll(List.of(new Message(type, caseNumber, data))).get(0);
    }

    private void wakeUpAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) == null) {
            transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
            AfterCommit.run(transactions, relay::wakeUp);
        }
    }
}
