package org.openysb.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.testsupport.Topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OutboxRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldPublishAgainWhatWasSentButNotMarkedBeforeACrash() {
        String caseNumber = OutboxTest.newCaseNumber();
        String topic = EventType.CASE_ROUTED.topic();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.append(EventType.CASE_ROUTED, caseNumber, Map.of("lead", "区城管局")));
        assertEquals(1, Topics.await(topic, caseNumber, v -> true, 1, WAIT).size());

        // the relay sent the event but died before marking it: the row is unpublished again
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update outbox_event set published_at = null where message_key = ?1")
                .setParameter(1, caseNumber)
                .executeUpdate());
        relay.wakeUp();

        List<ConsumerRecord<String, String>> both = Topics.await(topic, caseNumber, v -> true, 2, WAIT);
        assertEquals(2, both.size(), "published at least once more after the simulated crash");
        assertEquals(
                EventJson.read(both.get(0).value()).id(),
                EventJson.read(both.get(1).value()).id(),
                "the same event id, so that idempotent consumers ignore the copy");
    }

    @Test
    void shouldMarkWhatItPublishedAndLeaveNoBacklog() {
        String caseNumber = OutboxTest.newCaseNumber();
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.append(EventType.CASE_ROUTED, caseNumber, Map.of("lead", "区城管局")));
        assertEquals(
                1,
                Topics.await(EventType.CASE_ROUTED.topic(), caseNumber, v -> true, 1, WAIT)
                        .size());

        Object publishedAt = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from outbox_event where message_key = ?1")
                .setParameter(1, caseNumber)
                .getSingleResult());
        org.junit.jupiter.api.Assertions.assertNotNull(publishedAt, "marked as published");
    }
}
