package org.openysb.intake.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.Topics;
import org.openysb.intake.rest.ComplaintResourceTest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OutboxRelayTest {
    @Inject
    EntityManager entityManager;

    @Test
    void shouldPublishAgainWhatWasSentButNotMarkedBeforeACrash() {
        String caseNumber = given().contentType(ContentType.JSON)
                .body(ComplaintResourceTest.validComplaint())
                .post("/api/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("caseNumber");
        List<ConsumerRecord<String, String>> first = org.openysb.testsupport.Topics.await(
                Topics.COMPLAINTS, caseNumber, v -> true, 1, Duration.ofSeconds(30));
        assertEquals(1, first.size());

        // the relay sent the event but died before marking it: the row is unpublished again
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update outbox_event set published_at = null where message_key = ?1")
                .setParameter(1, caseNumber)
                .executeUpdate());

        List<ConsumerRecord<String, String>> both = org.openysb.testsupport.Topics.await(
                Topics.COMPLAINTS, caseNumber, v -> true, 2, Duration.ofSeconds(30));
        assertEquals(2, both.size(), "published at least once more after the simulated crash");
        assertEquals(
                EventJson.read(both.get(0).value()).id(),
                EventJson.read(both.get(1).value()).id(),
                "the same event id, so that idempotent consumers ignore the copy");
    }

    @Test
    void shouldReportDatabaseAndKafkaInReadiness() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Database connections health check"))
                .body(org.hamcrest.Matchers.containsString("SmallRye Reactive Messaging"));
    }
}
