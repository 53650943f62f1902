package org.openysb.supervision.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
public class RoutingConsumerTest {

    public static void route(String caseNumber, String unit, String unitName, String routedAt, boolean urgent) {
        route(caseNumber, unit, unitName, routedAt, urgent, "COMPLAINT");
    }

    public static void route(
            String caseNumber, String unit, String unitName, String routedAt, boolean urgent, String type) {
        String json = org.openysb.supervision.Events.caseRouted(
                caseNumber,
                new UnitRef(unit, unitName),
                List.of(new UnitRef("ZWFW", "市政府政务服务中心")),
                type,
                urgent,
                1,
                OffsetDateTime.parse(routedAt));
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, caseNumber, json);
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, caseNumber, json); // redelivered
    }

    @Test
    void shouldOpenAWorkItemWithWorkingDayDeadlinesOnceAndAnnounceIt() {
        route("TS202609300001", "SCJG", "市市场监管局", "2026-09-30T10:00:00+08:00", false);
        List<ConsumerRecord<String, String>> opened = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, "TS202609300001", v -> v.contains("WorkItemOpened"), 2, Duration.ofSeconds(20));
        assertEquals(1, opened.size(), "one WorkItemOpened although CaseRouted came twice");
        EventSchemas.assertValid(opened.get(0).value());
        WorkItemOpened data = EventJson.read(opened.get(0).value()).dataAs(WorkItemOpened.class);
        // the National Day holiday lies between assignment and the first working day
        assertEquals(
                OffsetDateTime.parse("2026-10-08T23:59:59.999+08:00").toInstant(),
                data.signForDeadline().toInstant());
        // COMPLAINT: 15 working days (Oct 8, 9, the make-up Saturday Oct 10, 12 … 27)
        assertEquals(
                OffsetDateTime.parse("2026-10-27T23:59:59.999+08:00").toInstant(),
                data.handlingDeadline().toInstant());
    }

    @Test
    void shouldGiveAnUrgentCaseThirtyMinutesToSignFor() {
        route("TS202611210901", "TAX", "市税务局", "2026-11-21T10:00:00+08:00", true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/work-items/TS202611210901")
                .then()
                .statusCode(200)
                .body("signForDeadline", equalTo("2026-11-21T10:30:00+08:00"))
                .body("handlingDeadline", equalTo("2026-11-22T10:00:00+08:00")));
    }

    @Test
    void shouldShowAWorkItemOnlyToItsOwnUnitAndToSupervisors() {
        route("TS202611210902", "RSJ", "市人社局", "2026-11-20T09:00:00+08:00", false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.handler("handler-rsj", "RSJ"))
                .get("/api/work-items")
                .then()
                .statusCode(200)
                .body("caseNumber", hasItem("TS202611210902")));
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/work-items/TS202611210902")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("supervisor1", "supervisor"))
                .get("/api/work-items?unit=RSJ")
                .then()
                .statusCode(200)
                .body("caseNumber", hasItem("TS202611210902"));
        given().get("/api/work-items").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.token("citizen1", "citizen"))
                .get("/api/work-items")
                .then()
                .statusCode(403);
    }
}
