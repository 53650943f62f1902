package org.openysb.intake.messaging;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The service is ready only with its database and Kafka (the outbox relay's own tests are in the outbox module). */
@QuarkusTest
class ReadinessTest {
    @Test
    void shouldReportDatabaseAndKafkaInReadiness() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Database connections health check"))
                .body(org.hamcrest.Matchers.containsString("SmallRye Reactive Messaging"));
    }
}
