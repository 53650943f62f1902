package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.contracts.events.UnitRef;
import org.openysb.supervision.Events;
import org.openysb.supervision.service.EscalationService;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** 线索台账: clues raised by the inaction signals and by hand, closed out once; they reach ysb.supervision. */
@QuarkusTest
class ClueLedgerTest {
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String OPERATOR = TestTokens.token("operator1", "hotline-operator");

    @Inject
    EscalationService escalation;

    static void route(String cn, String unit, String unitName, String type, int dispatchCount, String routedAt) {
        Events.publishRouted(
                cn,
                Events.caseRouted(
                        cn,
                        new UnitRef(unit, unitName),
                        List.of(),
                        type,
                        false,
                        dispatchCount,
                        OffsetDateTime.parse(routedAt)));
    }

    static void submitted(String cn, String type, String repeatOf, String receivedAt) {
        Events.publishComplaint(
                cn, Events.complaintSubmitted(cn, "WEB", type, repeatOf, OffsetDateTime.parse(receivedAt)));
    }

    static ValidatableResponse clues(String query) {
        return given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues?" + query)
                .then()
                .statusCode(200);
    }

    static void awaitWorkItem(String cn, String unit, int dispatchCount) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200)
                .body("leadUnit", equalTo(unit)));
    }

    static List<ConsumerRecord<String, String>> clueEvents(String cn, int expected) {
        List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, cn, v -> v.contains("org.openysb.ClueRaised"), expected, Duration.ofSeconds(20));
        records.forEach(r -> EventSchemas.assertValid(r.value()));
        return records;
    }

    @Test
    void shouldRaiseOneImproperReturnClueAgainstTheReturningUnitEvenWhenTheRulingComesTwice() {
        String cn = "TS202611228101";
        route(cn, "GXJ", "市工信局", "COMPLAINT", 1, OffsetDateTime.now().toString());
        awaitWorkItem(cn, "GXJ", 1);
        ReturnRuled ruling = new ReturnRuled(
                cn,
                new UnitRef("GXJ", "市工信局"),
                false,
                true,
                null,
                "权责清单明确由该单位主办",
                "coordinator1",
                OffsetDateTime.now());
        String json = EventJson.write(CloudEvent.of(
                EventType.RETURN_RULED, "/case-routing", cn, OffsetDateTime.now(), EventJson.toTree(ruling)));
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, cn, json);
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, cn, json); // redelivered

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> clues("caseNumber=" + cn)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("IMPROPER_RETURN"))
                .body("[0].unit.code", equalTo("GXJ"))
                .body("[0].state", equalTo("OPEN"))
                .body("[0].raisedBy", equalTo("SYSTEM"))
                .body("[0].description", containsString("不当退单")));
        String event = clueEvents(cn, 1).get(0).value();
        assertFalse(event.contains("complaint:"), "a clue never names the complainant");
    }

    @Test
    void shouldRaiseARepeatedBouncingClueOnTheThirdDispatchAgainstTheUnitThatReturnedIt() {
        String cn = "TS202611228102";
        String at = OffsetDateTime.now().toString();
        route(cn, "GXJ", "市工信局", "COMPLAINT", 1, at);
        awaitWorkItem(cn, "GXJ", 1);
        route(cn, "KJJ", "市科技局", "COMPLAINT", 2, at);
        awaitWorkItem(cn, "KJJ", 2);
        clues("caseNumber=" + cn).body("", hasSize(0));
        route(cn, "SWJ", "市商务局", "COMPLAINT", 3, at);
        awaitWorkItem(cn, "SWJ", 3);
        clues("caseNumber=" + cn + "&kind=REPEATED_BOUNCING")
                .body("", hasSize(1))
                .body("[0].unit.code", equalTo("KJJ"))
                .body("[0].description", containsString("3次"));
    }

    @Test
    void shouldRaiseAClueWhenAComplaintIsRelabelledAsAnInquiry() {
        String cn = "TS202611228103";
        submitted(cn, "COMPLAINT", null, "2024-05-06T09:00:00+08:00");
        // the receipt is counted before the dispatch arrives
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=2024-05-06&to=2024-05-06")
                .then()
                .body("rates.find { it.name == 'dispatchRate' }.denominator", equalTo(1)));
        route(cn, "SCJG", "市市场监管局", "INQUIRY", 1, "2024-05-06T10:00:00+08:00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> clues("kind=RELABELLED_TYPE&caseNumber=" + cn)
                .body("", hasSize(1))
                .body("[0].unit.code", equalTo("SCJG"))
                .body("[0].description", containsString("INQUIRY")));
    }

    @Test
    void shouldRaiseAClueAgainstTheUnitWhenASolvedCaseComesBackAsARepeat() {
        String cn = "TS202611228104";
        String handler = TestTokens.handler("handler-zjw", "ZJW");
        route(cn, "ZJW", "市住建委", "COMPLAINT", 1, OffsetDateTime.now().toString());
        awaitWorkItem(cn, "ZJW", 1);
        LifecycleTest.post(handler, "/api/work-items/" + cn + "/sign", null, 200);
        LifecycleTest.post(handler, "/api/work-items/" + cn + "/first-contact", Map.of("method", "PHONE"), 200);
        LifecycleTest.post(
                handler, "/api/work-items/" + cn + "/reply", Map.of("resultCode", "RESOLVED", "text", "已解决。"), 200);
        LifecycleTest.post(
                OPERATOR, "/api/work-items/" + cn + "/follow-up", Map.of("rating", "SATISFIED", "solved", true), 200);

        String repeat = "TS202611228105";
        submitted(repeat, "COMPLAINT", cn, OffsetDateTime.now().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> clues("kind=SOLVED_CASE_RETURNED&caseNumber=" + cn)
                .body("", hasSize(1))
                .body("[0].unit.code", equalTo("ZJW"))
                .body("[0].relatedCaseNumber", equalTo(repeat)));
        // an unrelated new complaint raises nothing
        submitted("TS202611228106", "COMPLAINT", null, OffsetDateTime.now().toString());
        clues("caseNumber=TS202611228106").body("", hasSize(0));
    }

    @Test
    void shouldRaiseAClueWithTheSupervisionOrderOnlyOnce() {
        String cn = "TS202611228107";
        route(cn, "RSJ", "市人社局", "COMPLAINT", 1, "2026-10-09T10:00:00+08:00");
        awaitWorkItem(cn, "RSJ", 1);
        // 15 working days end on 2026-10-29; five more working days later the order is due
        escalation.sweep(OffsetDateTime.parse("2026-11-10T10:00:00+08:00"));
        escalation.sweep(OffsetDateTime.parse("2026-11-10T10:05:00+08:00"));
        clues("kind=OVERDUE_AFTER_ORDER&caseNumber=" + cn)
                .body("", hasSize(1))
                .body("[0].description", containsString("督办单"));
    }

    @Test
    void shouldLetAnInspectorEnterAClueByHandAndCloseItOutOnce() {
        String cn = "TS202611228108";
        route(cn, "TAX", "市税务局", "COMPLAINT", 1, OffsetDateTime.now().toString());
        awaitWorkItem(cn, "TAX", 1);

        String location = given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumber", cn, "description", "承办人员电话回访时诱导企业给出满意评价"))
                .post("/api/clues")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("kind", equalTo("MANUAL"))
                .body("unit.code", equalTo("TAX"))
                .body("raisedBy", equalTo("inspector1"))
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"));
        clues("state=OPEN&unit=TAX").body("id", hasItem(id));

        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("finding", "经核查属实，已约谈单位负责人"))
                .post("/api/clues/{id}/close", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("CLOSED"))
                .body("closedBy", equalTo("inspector1"));
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("finding", "再次销号"))
                .post("/api/clues/{id}/close", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        // both steps are on the case's trail, and the chain still verifies
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body("steps.action", hasItem("clue"))
                .body("steps.action", hasItem("clue-close"));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail/verify", cn)
                .then()
                .body("intact", equalTo(true));
        List<ConsumerRecord<String, String>> events = clueEvents(cn, 1);
        assertEquals(1, events.size());
    }

    @Test
    void shouldNotAcceptABadClueOrTheWrongRole() {
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumber", "TS202611228199"))
                .post("/api/clues")
                .then()
                .statusCode(400)
                .body(containsString("description"));
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumber", "TS209901019999", "description", "不存在的案件"))
                .post("/api/clues")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumber", "TS202611228108", "description", "督办员不能登记线索"))
                .post("/api/clues")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/clues")
                .then()
                .statusCode(403);
        given().get("/api/clues").then().statusCode(401);
        given().auth().oauth2(INSPECTOR).get("/api/clues?kind=NOPE").then().statusCode(400);
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/{id}", "no-such-clue")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("finding", "x"))
                .post("/api/clues/{id}/close", "no-such-clue")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldDrawTheSameClosedCasesPerUnitFromTheSameSeed() {
        String handler = TestTokens.handler("handler-samp", "SAMP");
        for (int i = 1; i <= 3; i++) {
            String cn = "TS20261122820" + i;
            route(cn, "SAMP", "抽查测试单位", "COMPLAINT", 1, OffsetDateTime.now().toString());
            awaitWorkItem(cn, "SAMP", 1);
            LifecycleTest.post(handler, "/api/work-items/" + cn + "/sign", null, 200);
            LifecycleTest.post(handler, "/api/work-items/" + cn + "/first-contact", Map.of("method", "PHONE"), 200);
            LifecycleTest.post(
                    handler,
                    "/api/work-items/" + cn + "/reply",
                    Map.of("resultCode", "EXPLAINED", "text", "已答复。"),
                    200);
            LifecycleTest.post(
                    OPERATOR,
                    "/api/work-items/" + cn + "/follow-up",
                    Map.of("rating", "BASICALLY_SATISFIED", "solved", true),
                    200);
        }
        String period =
                java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> request = Map.of("period", period, "perUnit", 2, "seed", 20261122L);
        List<String> first = given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/samples")
                .then()
                .statusCode(201)
                .body("seed", equalTo(20261122))
                .body("cases.SAMP", hasSize(2))
                .extract()
                .path("cases.SAMP");
        String id = given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/samples")
                .then()
                .statusCode(201)
                .body("cases.SAMP", equalTo(first))
                .extract()
                .path("id");
        given().auth().oauth2(INSPECTOR).get("/api/samples/{id}", id).then().body("cases.SAMP", equalTo(first));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/samples?period=" + period)
                .then()
                .body("id", hasItem(id));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", first.get(0))
                .then()
                .body("steps.action", hasItem("sampled"));

        // a different seed is a different draw (of the three, some other pair is likely; at least the seed differs)
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("period", period, "perUnit", 5))
                .post("/api/samples")
                .then()
                .statusCode(201)
                .body("cases.SAMP", hasSize(3));
        assertNotEquals(null, id);

        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("period", "2026-13", "perUnit", 0))
                .post("/api/samples")
                .then()
                .statusCode(400)
                .body(containsString("period"))
                .body(containsString("perUnit"));
        given().auth()
                .oauth2(TestTokens.handler("handler-samp", "SAMP"))
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/samples")
                .then()
                .statusCode(403);
    }
}
