package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.Topics;
import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.supervision.service.FollowUpLinks;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LifecycleTest {
    private static final String HANDLER = TestTokens.handler("handler-rsj", "RSJ");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String OPERATOR = TestTokens.token("operator1", "hotline-operator");

    @Inject
    FollowUpLinks links;

    static void routedNow(String cn) {
        RoutingConsumerTest.route(cn, "RSJ", "市人社局", OffsetDateTime.now().toString(), false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200));
    }

    static void post(String token, String path, Object body, int status) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post(path).then().statusCode(status);
    }

    /** The co-unit every test route names (ZWFW) submits its part, so that the lead may reply. */
    static void coUnitPart(String cn) {
        post(
                TestTokens.handler("handler-zwfw", "ZWFW"),
                "/api/work-items/" + cn + "/co-unit-part",
                Map.of("text", "政务服务中心已核实窗口受理记录。"),
                200);
    }

    static void replied(String cn) {
        post(HANDLER, "/api/work-items/" + cn + "/sign", null, 200);
        post(HANDLER, "/api/work-items/" + cn + "/first-contact", Map.of("method", "PHONE"), 200);
        coUnitPart(cn);
        post(
                HANDLER,
                "/api/work-items/" + cn + "/reply",
                Map.of("resultCode", "EXPLAINED", "text", "已向企业解释社保补缴政策。"),
                200);
    }

    static String lastEvent(String cn, String type) {
        List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, cn, v -> v.contains("org.openysb." + type), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size(), type + " for " + cn);
        EventSchemas.assertValid(records.get(0).value());
        return records.get(0).value();
    }

    @Test
    void shouldSendAReturnWithReasonAndBasisToRouting() {
        String cn = "TS202611219001";
        routedNow(cn);
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于本单位职责"))
                .post("/api/work-items/{cn}/return", cn)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("basis"));
        given().auth()
                .oauth2(HANDLER)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "企业开办登记不属于本单位职责", "basis", "权责清单 MARKET_ENTRY 行：市市场监管局主办"))
                .post("/api/work-items/{cn}/return", cn)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETURN_REQUESTED"));
        lastEvent(cn, "ReturnRequested");
    }

    @Test
    void shouldGiveTheUnitItsCaseBackWhenRoutingRefusesTheReturn() {
        String cn = "TS202611219011";
        routedNow(cn);
        post(HANDLER, "/api/work-items/" + cn + "/return", Map.of("reason", "不属于本单位职责", "basis", "权责清单"), 200);
        org.openysb.contracts.events.CaseReturned refused = new org.openysb.contracts.events.CaseReturned(
                cn,
                new org.openysb.contracts.events.UnitRef("RSJ", "市人社局"),
                "不属于本单位职责",
                "权责清单",
                "handler-rsj",
                OffsetDateTime.now(),
                "REFUSED",
                1,
                "超出退单时限");
        String json = org.openysb.contracts.EventJson.write(org.openysb.contracts.CloudEvent.of(
                org.openysb.contracts.EventType.CASE_RETURNED,
                "/case-routing",
                cn,
                OffsetDateTime.now(),
                org.openysb.contracts.EventJson.toTree(refused)));
        org.openysb.testsupport.EventSchemas.assertValid(json);
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, cn, json);
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, cn, json); // redelivered
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("status", equalTo("ASSIGNED"))
                .body("allowedActions", hasItem("sign")));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body("steps.findAll { it.action == 'return-refused' }.size()", equalTo(1))
                .body(
                        "steps.find { it.action == 'return-refused' }.detail",
                        org.hamcrest.Matchers.containsString("超出退单时限"));
        post(HANDLER, "/api/work-items/" + cn + "/sign", null, 200);
    }

    @Test
    void shouldLetASupervisorApproveOneExtension() {
        String cn = "TS202611219002";
        routedNow(cn);
        post(HANDLER, "/api/work-items/" + cn + "/sign", null, 200);
        String before = given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .extract()
                .path("handlingDeadline");
        post(
                HANDLER,
                "/api/work-items/" + cn + "/extension",
                Map.of("workingDays", 16, "reason", "需现场核查", "legalBasis", "信访条例"),
                400);
        post(
                HANDLER,
                "/api/work-items/" + cn + "/extension",
                Map.of("workingDays", 5, "reason", "需现场核查", "legalBasis", "信访工作条例第三十五条"),
                200);
        lastEvent(cn, "ExtensionRequested");
        post(HANDLER, "/api/work-items/" + cn + "/extension/decision", Map.of("approve", true), 403);
        post(SUPERVISOR, "/api/work-items/" + cn + "/extension/decision", Map.of("approve", false), 400);
        post(SUPERVISOR, "/api/work-items/" + cn + "/extension/decision", Map.of("approve", true, "reason", "同意"), 200);
        lastEvent(cn, "ExtensionApproved");
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", not(equalTo(before)))
                .body("allowedActions", not(hasItem("extension")));
        post(SUPERVISOR, "/api/work-items/" + cn + "/extension/decision", Map.of("approve", true), 409);
    }

    @Test
    void shouldCloseACaseTheComplainantRatesSatisfiedThroughTheLink() {
        String cn = "TS202611219003";
        routedNow(cn);
        replied(cn);
        given().queryParam("token", "0".repeat(32))
                .get("/api/follow-ups/{cn}", cn)
                .then()
                .statusCode(404);
        String token = links.tokenFor(cn);
        given().queryParam("token", token)
                .get("/api/follow-ups/{cn}", cn)
                .then()
                .statusCode(200)
                .body("unitName", equalTo("市人社局"))
                .body("replyResult", equalTo("EXPLAINED"));
        given().queryParam("token", token)
                .contentType(ContentType.JSON)
                .body(Map.of("rating", "SATISFIED", "solved", true))
                .post("/api/follow-ups/{cn}", cn)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        lastEvent(cn, "FollowUpRecorded");
        lastEvent(cn, "CaseClosed");
        given().queryParam("token", token)
                .contentType(ContentType.JSON)
                .body(Map.of("rating", "DISSATISFIED"))
                .post("/api/follow-ups/{cn}", cn)
                .then()
                .statusCode(409);
    }

    @Test
    void shouldReopenADissatisfiedCaseAtMostTwice() {
        String cn = "TS202611219004";
        routedNow(cn);
        replied(cn);
        for (int round = 1; round <= 3; round++) {
            post(
                    OPERATOR,
                    "/api/work-items/" + cn + "/follow-up",
                    Map.of("rating", "DISSATISFIED", "solved", false, "comment", "问题没解决"),
                    200);
            if (round == 3) {
                post(SUPERVISOR, "/api/work-items/" + cn + "/reopen", Map.of("reason", "企业仍不满意"), 409);
                break;
            }
            post(SUPERVISOR, "/api/work-items/" + cn + "/reopen", Map.of("reason", "企业仍不满意"), 200);
            given().auth()
                    .oauth2(HANDLER)
                    .get("/api/work-items/{cn}", cn)
                    .then()
                    .body("status", equalTo("SIGNED"))
                    .body("allowedActions", hasItem("reply"));
            post(
                    HANDLER,
                    "/api/work-items/" + cn + "/reply",
                    Map.of("resultCode", "RESOLVED", "text", "已重新核算并补发。"),
                    200);
        }
        List<ConsumerRecord<String, String>> reopened = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, cn, v -> v.contains("org.openysb.CaseReopened"), 3, Duration.ofSeconds(5));
        assertEquals(2, reopened.size(), "reopened twice, the third time refused");
        reopened.forEach(r -> EventSchemas.assertValid(r.value()));
        post(SUPERVISOR, "/api/work-items/" + cn + "/close", null, 200);
        given().auth().oauth2(HANDLER).get("/api/work-items/{cn}", cn).then().body("status", equalTo("CLOSED"));
    }
}
