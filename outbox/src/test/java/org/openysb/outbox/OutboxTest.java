package org.openysb.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.testsupport.Topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class OutboxTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldPublishACommittedEventKeyedByItsCase() {
        String caseNumber = newCaseNumber();
        CloudEvent appended = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.persist(CaseNote.of(caseNumber, "routed"));
            return outbox.append(EventType.CASE_ROUTED, caseNumber, Map.of("lead", "区城管局"));
        });

        ConsumerRecord<String, String> record = single(EventType.CASE_ROUTED.topic(), caseNumber);
        CloudEvent published = EventJson.read(record.value());
        assertEquals(appended.id(), published.id());
        assertEquals(EventType.CASE_ROUTED.ceType(), published.type());
        assertEquals(caseNumber, published.subject());
        assertEquals("/outbox-test", published.source());
        assertEquals("区城管局", published.data().get("lead").asText());
        assertEquals(
                "application/cloudevents+json",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteNoEventWhenTheTransactionRollsBack() {
        String caseNumber = newCaseNumber();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    entityManager.persist(CaseNote.of(caseNumber, "routed"));
                    outbox.append(EventType.CASE_ROUTED, caseNumber, Map.of("lead", "区城管局"));
                    throw new IllegalStateException("the business step fails after the append");
                }));

        assertEquals(0, outboxRows(caseNumber), "the event went with the rolled-back state change");
        assertNull(QuarkusTransaction.requiringNew().call(() -> entityManager.find(CaseNote.class, caseNumber)));
    }

    @Test
    void shouldRefuseToAppendOutsideATransaction() {
        assertThrows(
                TransactionalException.class,
                () -> outbox.append(EventType.CASE_ROUTED, newCaseNumber(), Map.of("lead", "区城管局")));
    }

    @Test
    void shouldPublishABatchInTheOrderItWasAppended() {
        String caseNumber = newCaseNumber();
        List<CloudEvent> appended = QuarkusTransaction.requiringNew()
                .call(() -> outbox.appendAll(List.of(
                        new Outbox.Message(EventType.CASE_ROUTED, caseNumber, Map.of("step", 1)),
                        new Outbox.Message(EventType.CASE_ROUTED, caseNumber, Map.of("step", 2)),
                        new Outbox.Message(EventType.CASE_ROUTED, caseNumber, Map.of("step", 3)))));

        List<ConsumerRecord<String, String>> records =
                Topics.await(EventType.CASE_ROUTED.topic(), caseNumber, v -> true, 3, WAIT);
        assertEquals(
                appended.stream().map(CloudEvent::id).toList(),
                records.stream().map(r -> EventJson.read(r.value()).id()).toList());
        assertEquals(
                List.of(1, 2, 3),
                records.stream()
                        .map(r -> EventJson.read(r.value()).data().get("step").asInt())
                        .toList());
    }

    @Test
    void shouldPublishRowsABatchWritesInItsOwnStatement() {
        String caseNumber = newCaseNumber();
        OutboxRows.Row row = outbox.row(EventType.COMPLAINT_SUBMITTED, caseNumber, Map.of("title", "噪音扰民"));
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.unwrap(Session.class).doWork(connection -> {
                    try (var statement = connection.prepareStatement(
                            "with notes as (insert into case_note (case_number, text) values (?, ?)) "
                                    + OutboxRows.INSERT)) {
                        statement.setString(1, caseNumber);
                        statement.setString(2, "submitted");
                        int next = OutboxRows.bind(connection, statement, 3, List.of(row));
                        assertEquals(3 + OutboxRows.PARAMETERS, next);
                        statement.executeUpdate();
                    }
                }));
        outbox.wakeUpRelay();

        CloudEvent published = EventJson.read(
                single(EventType.COMPLAINT_SUBMITTED.topic(), caseNumber).value());
        assertEquals(row.id().toString(), published.id());
        assertEquals("噪音扰民", published.data().get("title").asText());
    }

    private long outboxRows(String caseNumber) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from outbox_event where message_key = ?1")
                        .setParameter(1, caseNumber)
                        .getSingleResult())
                .longValue());
    }

    private static ConsumerRecord<String, String> single(String topic, String caseNumber) {
        List<ConsumerRecord<String, String>> records = Topics.await(topic, caseNumber, v -> true, 1, WAIT);
        assertEquals(1, records.size(), "published to " + topic);
        return records.get(0);
    }

    static String newCaseNumber() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }
}
