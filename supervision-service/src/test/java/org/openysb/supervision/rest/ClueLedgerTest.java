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
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Three dispatches of one case at {@code at}: the second unit returned it, so the clue is against INA2. */
    static void bounce(String cn, String at) {
        route(cn, "INA1", "分析测试一局", "COMPLAINT", 1, at);
        awaitWorkItem(cn, "INA1", 1);
        route(cn, "INA2", "分析测试二局", "COMPLAINT", 2, at);
        awaitWorkItem(cn, "INA2", 2);
        route(cn, "INA3", "分析测试三局", "COMPLAINT", 3, at);
        awaitWorkItem(cn, "INA3", 3);
    }

    @Test
    void shouldCountCluesPerUnitKindAndMonthForTheInactionAnalytics() {
        bounce("TS202303068301", "2023-03-06T10:00:00+08:00");
        bounce("TS202304108302", "2023-04-10T10:00:00+08:00");
        // raised at 2023-04-30 23:30 in China: April, not May
        bounce("TS202304308303", "2023-04-30T23:30:00+08:00");

        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/clues/analytics?from=2023-02&to=2023-05&unit=INA2")
                .then()
                .statusCode(200)
                .body("from", equalTo("2023-02"))
                .body("to", equalTo("2023-05"))
                .body("months", equalTo(List.of("2023-02", "2023-03", "2023-04", "2023-05")))
                .body("kinds", hasItem("IMPROPER_RETURN"))
                .body("kinds", hasItem("SOLVED_CASE_RETURNED"))
                .body("rows", hasSize(2))
                .body("rows[0].unit", equalTo("INA2"))
                .body("rows[0].unitName", equalTo("分析测试二局"))
                .body("rows[0].month", equalTo("2023-03"))
                .body("rows[0].kind", equalTo("REPEATED_BOUNCING"))
                .body("rows[0].count", equalTo(1))
                .body("rows[1].month", equalTo("2023-04"))
                .body("rows[1].count", equalTo(2));
        // every unit when none is given; the first unit never returned the case
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/analytics?from=2023-03&to=2023-04")
                .then()
                .statusCode(200)
                .body("rows.findAll { it.unit == 'INA2' }.count", equalTo(List.of(1, 2)))
                .body("rows.findAll { it.unit == 'INA1' }", hasSize(0));
        // the ledger filtered by a cell's unit, kind and month lists the same clues
        clues("unit=INA2&kind=REPEATED_BOUNCING&from=2023-04-01&to=2023-04-30").body("", hasSize(2));

        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/analytics?from=2023-13")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/analytics?from=2023-05&to=2023-04")
                .then()
                .statusCode(400)
                .body(containsString("from"));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/analytics?from=2020-01&to=2023-04")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/analytics")
                .then()
                .statusCode(200)
                .body("months", hasSize(6));
        given().auth()
                .oauth2(TestTokens.handler("handler-ina2", "INA2"))
                .get("/api/clues/analytics")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldShowTheTrailEntriesThatRaisedAClueAndItsCloseOut() {
        // outside the months of the analytics test, which counts the same units' clues
        String cn = "TS202206208304";
        bounce(cn, "2022-06-20T09:00:00+08:00");
        String id = clues("caseNumber=" + cn + "&kind=REPEATED_BOUNCING")
                .body("", hasSize(1))
                .extract()
                .path("[0].id");
        List<String> hashes = given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .extract()
                .path("steps.hash");

        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/{id}/sources", id)
                .then()
                .statusCode(200)
                .body("clue.id", equalTo(id))
                .body("clue.kind", equalTo("REPEATED_BOUNCING"))
                .body("entries.role", equalTo(List.of("SIGNAL", "SIGNAL", "CLUE", "SIGNAL")))
                .body("entries.step.action", equalTo(List.of("open", "reassign", "clue", "reassign")))
                .body("entries.caseNumber", everyItem(equalTo(cn)))
                .body("entries[2].step.detail", containsString("REPEATED_BOUNCING"))
                .body("entries.step.hash", everyItem(in(hashes)));

        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("finding", "经核查，二局退单理由不成立，已责令整改"))
                .post("/api/clues/{id}/close", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/{id}/sources", id)
                .then()
                .body("entries.role", equalTo(List.of("SIGNAL", "SIGNAL", "CLUE", "SIGNAL", "CLOSE")))
                .body("entries[4].step.detail", containsString("已责令整改"));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/clues/{id}/sources", "no-such-clue")
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
        // every month's draws when no month is given
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/samples")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", first.get(0))
                .then()
                .body("steps.action", hasItem("sampled"));

        // 回访复核: recorded once per drawn case, shown with the draw and on the case's trail
        String drawn = first.get(0);
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "CONFIRMED", "note", "电话回访企业，确认已办结"))
                .post("/api/samples/{id}/cases/{cn}/revisit", id, drawn)
                .then()
                .statusCode(200)
                .body("caseNumber", equalTo(drawn))
                .body("outcome", equalTo("CONFIRMED"))
                .body("recordedBy", equalTo("inspector1"))
                .body("recordedAt", containsString("+08:00"));
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "UNREACHABLE"))
                .post("/api/samples/{id}/cases/{cn}/revisit", id, drawn)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(containsString("CONFIRMED"));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/samples/{id}", id)
                .then()
                .body("revisits." + drawn + ".outcome", equalTo("CONFIRMED"))
                .body("revisits." + drawn + ".note", equalTo("电话回访企业，确认已办结"))
                .body("revisits", aMapWithSize(1));
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "PROBLEM_FOUND"))
                .post("/api/samples/{id}/cases/{cn}/revisit", id, first.get(1))
                .then()
                .statusCode(400)
                .body(containsString("note"));
        given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "CONFIRMED"))
                .post("/api/samples/{id}/cases/{cn}/revisit", id, "TS209901019999")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.handler("handler-samp", "SAMP"))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "CONFIRMED"))
                .post("/api/samples/{id}/cases/{cn}/revisit", id, first.get(1))
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", drawn)
                .then()
                .body("steps.action", hasItem("revisit"))
                .body("intact", equalTo(true));

        // a different seed is a different draw (of the three, some other pair is likely; at least the seed differs)
        Number drawnSeed = given().auth()
                .oauth2(INSPECTOR)
                .contentType(ContentType.JSON)
                .body(Map.of("period", period, "perUnit", 5))
                .post("/api/samples")
                .then()
                .statusCode(201)
                .body("cases.SAMP", hasSize(3))
                .extract()
                .path("seed");
        // a seed the browser reads exactly (JSON numbers are doubles there), to repeat the draw with
        assertTrue(drawnSeed.longValue() >= 0 && drawnSeed.longValue() <= 9007199254740991L, "seed " + drawnSeed);
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
