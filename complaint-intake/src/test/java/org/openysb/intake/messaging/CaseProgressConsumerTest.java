package org.openysb.intake.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.intake.rest.ComplaintResourceTest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CaseProgressConsumerTest {

    @Test
    void shouldShowTheAssignedUnitOnceEvenWhenTheEventArrivesTwice() {
        var receipt = given().contentType(ContentType.JSON)
                .body(ComplaintResourceTest.validComplaint())
                .post("/api/complaints")
                .then()
                .statusCode(201)
                .extract();
        String caseNumber = receipt.path("caseNumber");
        String queryCode = receipt.path("queryCode");

        CaseRouted routed = new CaseRouted(
                caseNumber,
                "MARKET_ENTRY",
                "企业开办与市场准入",
                new UnitRef("SCJG", "市市场监管局"),
                List.of(new UnitRef("ZWFW", "市政府政务服务中心")),
                "D01",
                "COMPLAINT",
                false,
                "WEB",
                1,
                24,
                "市优化营商环境实施意见",
                0.93,
                "AUTO",
                "关键词：营业执照",
                1,
                false,
                OffsetDateTime.now());
        String event = EventJson.write(CloudEvent.of(
                EventType.CASE_ROUTED, "/case-routing", caseNumber, OffsetDateTime.now(), EventJson.toTree(routed)));
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, caseNumber, event);
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, caseNumber, event); // redelivery

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("queryCode", queryCode)
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignedUnit.code", equalTo("SCJG"))
                .body("assignedUnit.name", equalTo("市市场监管局")));
        // give the duplicate time to arrive, then check it changed nothing
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().queryParam(
                        "queryCode", queryCode)
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .body("timeline.findAll { it.step == 'CaseRouted' }.size()", equalTo(1)));
    }
}
