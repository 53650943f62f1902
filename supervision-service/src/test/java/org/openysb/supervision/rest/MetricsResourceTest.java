package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.supervision.Events;
import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.supervision.service.EscalationService;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MetricsResourceTest {
    @Inject
    EscalationService escalation;

    @Inject
    EntityManager entityManager;

    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String MARCH = "from=2025-03-01&to=2025-03-31";

    private static void received(String cn, String channel) {
        Events.publishComplaint(
                cn,
                Events.complaintSubmitted(
                        cn, channel, "COMPLAINT", null, OffsetDateTime.parse("2025-03-03T09:00:00+08:00")));
    }

    private static void post(String token, String path, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post(path).then().statusCode(200);
    }

    @Test
    void shouldReportEveryRateWithNumeratorAndDenominatorRankAndExport() {
        received("TS202503030001", "WEB");
        received("TS202503030002", "HOTLINE");
        // let the receipts be counted before the dispatches arrive
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + MARCH)
                .then()
                .body("rates.find { it.name == 'dispatchRate' }.denominator", equalTo(2)));
        RoutingConsumerTest.route("TS202503030001", "GXJ", "市工信局", "2025-03-03T10:00:00+08:00", false);
        RoutingConsumerTest.route("TS202503030002", "KJJ", "市科技局", "2025-03-03T10:00:00+08:00", false);
        String gxj = TestTokens.handler("handler-gxj", "GXJ");
        String kjj = TestTokens.handler("handler-kjj", "KJJ");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth()
                    .oauth2(gxj)
                    .get("/api/work-items/TS202503030001")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(kjj)
                    .get("/api/work-items/TS202503030002")
                    .then()
                    .statusCode(200);
        });
        post(gxj, "/api/work-items/TS202503030001/sign", null);
        post(gxj, "/api/work-items/TS202503030001/first-contact", Map.of("method", "PHONE"));
        LifecycleTest.coUnitPart("TS202503030001");
        post(gxj, "/api/work-items/TS202503030001/reply", Map.of("resultCode", "RESOLVED", "text", "已兑现。"));
        post(
                TestTokens.token("operator1", "hotline-operator"),
                "/api/work-items/TS202503030001/follow-up",
                Map.of("rating", "SATISFIED", "solved", true));
        given().auth()
                .oauth2(kjj)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "不属于本单位", "basis", "权责清单"))
                .post("/api/work-items/TS202503030002/return")
                .then()
                .statusCode(409) // the return window (one working day after 2025-03-03) has long closed
                .body("detail", containsString("return window"))
                .body("detail", containsString("allowed: sign"));
        escalation.sweep(OffsetDateTime.now()); // KJJ's sign-for deadline passed unsigned: decided, not on time

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + MARCH)
                .then()
                .body("rates.find { it.name == 'onTimeSignForRate' }.pending", equalTo(0)));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + MARCH)
                .then()
                .statusCode(200)
                .body("rates.find { it.name == 'dispatchRate' }.numerator", equalTo(2))
                .body("rates.find { it.name == 'dispatchRate' }.rate", equalTo(1.0f))
                .body("rates.find { it.name == 'onTimeSignForRate' }.denominator", equalTo(2))
                .body("rates.find { it.name == 'onTimeSignForRate' }.numerator", equalTo(0))
                .body("rates.find { it.name == 'onTimeSignForRate' }.pending", equalTo(0))
                .body("rates.find { it.name == 'closureRate' }.numerator", equalTo(1))
                .body("rates.find { it.name == 'closureRate' }.denominator", equalTo(2))
                // GXJ replied late; KJJ's case, never replied, was found overdue by the sweep
                .body("rates.find { it.name == 'onTimeCompletionRate' }.denominator", equalTo(2))
                .body("rates.find { it.name == 'onTimeCompletionRate' }.numerator", equalTo(0));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + MARCH + "&unit=GXJ")
                .then()
                .body("rates.find { it.name == 'closureRate' }.rate", equalTo(1.0f))
                .body("rates.find { it.name == 'dispatchRate' }.rate", equalTo(null));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + MARCH + "&channel=HOTLINE")
                .then()
                .body("rates.find { it.name == 'dispatchRate' }.denominator", equalTo(1));

        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/rankings?period=2025-03")
                .then()
                .statusCode(200)
                // two units of one case each: too few decided cases to rank, so on no list
                .body("ranking", hasSize(0))
                .body("notRanked", hasSize(2))
                .body("notRanked.find { it.unit == 'GXJ' }.decided", equalTo(1))
                .body("notRanked.find { it.unit == 'GXJ' }.rated", equalTo(0)) // rated on the reply's day, not in March
                .body("notRanked.find { it.unit == 'GXJ' }.reason", equalTo("INSUFFICIENT_DATA"))
                .body("minDecided", equalTo(30))
                .body("weights.response", equalTo(30.0f))
                .body("redList", hasSize(0))
                .body("blackList", hasSize(0));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/rankings?period=2025-Q1")
                .then()
                .statusCode(200)
                .body("from", equalTo("2025-01-01"))
                .body("to", equalTo("2025-03-31"));

        String csv = given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics/export?" + MARCH + "&format=csv")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString(".csv"))
                .extract()
                .asString();
        assertTrue(csv.contains("及时签收率") && csv.contains("GXJ") && csv.contains("KJJ") && csv.contains("合计"), csv);
        byte[] xlsx = given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics/export?" + MARCH + "&format=xlsx")
                .then()
                .statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .extract()
                .asByteArray();
        assertEquals('P', (char) xlsx[0]);
        assertEquals('K', (char) xlsx[1]);
    }

    @Test
    void shouldCountRepeatsAgainstTheComplaintsReceived() {
        OffsetDateTime june = OffsetDateTime.parse("2024-06-03T09:00:00+08:00");
        Events.publishComplaint(
                "TS202406030001", Events.complaintSubmitted("TS202406030001", "WEB", "COMPLAINT", null, june));
        String repeat = Events.complaintSubmitted("TS202406030002", "HOTLINE", "COMPLAINT", "TS202406030001", june);
        Events.publishComplaint("TS202406030002", repeat);
        Events.publishComplaint("TS202406030002", repeat); // redelivered: counted once
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=2024-06-03&to=2024-06-03")
                .then()
                .statusCode(200)
                .body("rates.find { it.name == 'repeatRate' }.numerator", equalTo(1))
                .body("rates.find { it.name == 'repeatRate' }.denominator", equalTo(2))
                .body("rates.find { it.name == 'repeatRate' }.rate", equalTo(0.5f)));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=2024-06-03&to=2024-06-03&channel=WEB")
                .then()
                .body("rates.find { it.name == 'repeatRate' }.numerator", equalTo(0))
                .body("rates.find { it.name == 'repeatRate' }.denominator", equalTo(1));
    }

    @Test
    void shouldRefuseABadPeriodOrAHandler() {
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/rankings?period=2025-13")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=2025-03-31&to=2025-03-01")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(TestTokens.handler("handler-gxj", "GXJ"))
                .get("/api/metrics")
                .then()
                .statusCode(403);
    }

    private static final String SIGN_UNIT = "TQS";
    private static final String SIGN_PERIOD = "from=2026-11-01&to=2026-12-31&unit=" + SIGN_UNIT;

    @Test
    void shouldCountSignForAndResponseOnlyOnceDecided() {
        String now = OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String past = "2026-11-02T10:00:00+08:00"; // sign-for and first-contact deadlines long passed
        RoutingConsumerTest.route("TS202612077001", SIGN_UNIT, "测试单位", now, false); // signed, contacted in time
        RoutingConsumerTest.route("TS202612077002", SIGN_UNIT, "测试单位", past, false); // signed, contacted late
        RoutingConsumerTest.route("TS202612077003", SIGN_UNIT, "测试单位", now, false); // windows still open
        RoutingConsumerTest.route("TS202612077004", SIGN_UNIT, "测试单位", past, false); // windows passed, untouched
        String handler = TestTokens.handler("handler-tqs", SIGN_UNIT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + SIGN_PERIOD)
                .then()
                .body("rates.find { it.name == 'returnRate' }.denominator", equalTo(4)));
        for (String cn : new String[] {"TS202612077001", "TS202612077002"}) {
            post(handler, "/api/work-items/" + cn + "/sign", null);
            post(handler, "/api/work-items/" + cn + "/first-contact", Map.of("method", "PHONE"));
        }
        escalation.sweep(OffsetDateTime.now());

        // (awaited: a scheduled sweep may hold a row for a moment; it decides the same)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + SIGN_PERIOD)
                .then()
                .statusCode(200)
                .body("rates.find { it.name == 'onTimeSignForRate' }.numerator", equalTo(1))
                .body("rates.find { it.name == 'onTimeSignForRate' }.denominator", equalTo(3))
                .body("rates.find { it.name == 'onTimeSignForRate' }.pending", equalTo(1))
                .body("rates.find { it.name == 'onTimeSignForRate' }.rate", equalTo(0.3333f))
                .body("rates.find { it.name == 'responseRate' }.numerator", equalTo(1))
                .body("rates.find { it.name == 'responseRate' }.denominator", equalTo(3))
                .body("rates.find { it.name == 'responseRate' }.pending", equalTo(1)));
        // a second sweep decides nothing twice
        escalation.sweep(OffsetDateTime.now().plusSeconds(1));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics/dashboard?" + SIGN_PERIOD + "&district=D01")
                .then()
                .statusCode(200)
                .body("filters.unit", equalTo(SIGN_UNIT))
                .body("filters.district", equalTo("D01"))
                .body("receivedBasis", equalTo("ASSIGNED"))
                .body("totals.rates.find { it.name == 'onTimeSignForRate' }.denominator", equalTo(3))
                .body("totals.rates.find { it.name == 'onTimeSignForRate' }.pending", equalTo(1))
                .body("totals.rates.find { it.name == 'responseRate' }.numerator", equalTo(1))
                .body("daily", hasSize(61))
                .body("daily[0].day", equalTo("2026-11-01"))
                .body("daily.find { it.day == '2026-11-02' }.received", equalTo(2))
                .body("daily.find { it.day == '2026-11-03' }.received", equalTo(0))
                .body("units", hasSize(1))
                .body("units[0].unit", equalTo(SIGN_UNIT))
                .body("units[0].rates.find { it.name == 'responseRate' }.denominator", equalTo(3))
                // both cases of 2026-11-02 are past their 15-working-day handling deadline
                .body("overdue", hasSize(1))
                .body("overdue[0].unit", equalTo(SIGN_UNIT))
                .body("overdue[0].category", equalTo("MARKET_ENTRY"))
                .body("overdue[0].count", equalTo(2))
                .body("channels[0].channel", equalTo("WEB"))
                .body("channels[0].received", equalTo(4));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics/dashboard?" + SIGN_PERIOD + "&district=D99")
                .then()
                .statusCode(200)
                .body("totals.rates.find { it.name == 'onTimeSignForRate' }.denominator", equalTo(0))
                .body("totals.rates.find { it.name == 'onTimeSignForRate' }.rate", equalTo(null))
                .body("units", hasSize(0))
                .body("overdue", hasSize(0));
        given().auth()
                .oauth2(TestTokens.handler("handler-tqs", SIGN_UNIT))
                .get("/api/metrics/dashboard")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics/dashboard?from=2020-01-01&to=2026-01-01")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldRankOnlyUnitsWithEnoughDecidedCasesWithIntervals() {
        // aggregates of May 2023 as the recorders would have kept them (ranking arithmetic over many cases)
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into metric_unit_daily (day, unit, assigned, sign_decided, response_decided,"
                        + " responded_on_time, rated, satisfied, solved) values"
                        + " ('2023-05-10', 'RKA', 400, 400, 400, 390, 200, 196, 190),"
                        + " ('2023-05-10', 'RKB', 400, 400, 400, 385, 200, 190, 180),"
                        + " ('2023-05-10', 'RKC', 400, 400, 400, 200, 200, 100, 90),"
                        + " ('2023-05-10', 'RKD', 400, 400, 400, 120, 200, 60, 50),"
                        + " ('2023-05-11', 'RKE', 12, 12, 12, 12, 3, 3, 3)")
                .executeUpdate());
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/rankings?period=2023-05")
                .then()
                .statusCode(200)
                .body("ranking.unit", org.hamcrest.Matchers.contains("RKA", "RKB", "RKC", "RKD"))
                .body("ranking[0].rank", equalTo(1))
                .body("ranking[0].rankLow", equalTo(1))
                .body("ranking[0].rankHigh", equalTo(2))
                .body("ranking[0].assignments", equalTo(400))
                .body("ranking[0].rates.find { it.name == 'responseRate' }.numerator", equalTo(390))
                .body("ranking[3].rankLow", equalTo(4))
                .body("notRanked.find { it.unit == 'RKE' }.decided", equalTo(12))
                .body("notRanked.find { it.unit == 'RKE' }.rated", equalTo(3))
                .body("redList.unit", org.hamcrest.Matchers.contains("RKA", "RKB"))
                .body("blackList.unit", org.hamcrest.Matchers.contains("RKD", "RKC"));
    }
}
