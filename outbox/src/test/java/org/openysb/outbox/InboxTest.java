package org.openysb.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxTest {
    @Inject
    Inbox inbox;

    @Test
    void shouldTellAConsumerOnlyTheFirstDeliveryOfAnEvent() {
        CloudEvent event = event();

        assertTrue(firstDelivery("routing", event));
        assertFalse(firstDelivery("routing", event), "a redelivery is skipped");
        assertTrue(firstDelivery("supervision", event), "another consumer sees the event for the first time");
    }

    @Test
    void shouldForgetTheMarkWhenTheConsumersTransactionRollsBack() {
        CloudEvent event = event();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                inbox.firstDelivery("routing", event);
                throw new IllegalStateException("the handler fails");
            });
        } catch (IllegalStateException expected) {
            // the handler's changes and the mark go together
        }

        assertTrue(firstDelivery("routing", event), "delivered again after the failure, handled then");
    }

    @Test
    void shouldReturnOnlyTheNewEventsOfAPoll() {
        CloudEvent seen = event();
        CloudEvent fresh = event();
        CloudEvent other = event();
        firstDelivery("routing", seen);

        Set<String> first = QuarkusTransaction.requiringNew()
                .call(() -> inbox.firstDeliveries("routing", List.of(seen, fresh, fresh, other)));

        assertEquals(Set.of(fresh.id(), other.id()), first, "the event seen before and the repeat drop out");
        assertEquals(
                Set.of(),
                QuarkusTransaction.requiringNew().call(() -> inbox.firstDeliveries("routing", List.of(fresh, other))));
        assertEquals(
                Set.of(), QuarkusTransaction.requiringNew().call(() -> inbox.firstDeliveries("routing", List.of())));
    }

    private boolean firstDelivery(String consumer, CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, event));
    }

    private static CloudEvent event() {
        return CloudEvent.of(
                EventType.CASE_ROUTED,
                "/outbox-test",
                OutboxTest.newCaseNumber(),
                OffsetDateTime.now(),
                JsonNodeFactory.instance.objectNode());
    }
}
