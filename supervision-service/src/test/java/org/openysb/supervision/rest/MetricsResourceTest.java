package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.supervision.Events;
import org.openysb.supervision.messaging.RoutingConsumerTest;
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

        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?" + MARCH)
                .then()
                .statusCode(200)
                .body("rates.find { it.name == 'dispatchRate' }.numerator", equalTo(2))
                .body("rates.find { it.name == 'dispatchRate' }.rate", equalTo(1.0f))
                .body("rates.find { it.name == 'onTimeSignForRate' }.denominator", equalTo(2))
                .body("rates.find { it.name == 'onTimeSignForRate' }.numerator", equalTo(0))
                .body("rates.find { it.name == 'closureRate' }.numerator", equalTo(1))
                .body("rates.find { it.name == 'closureRate' }.denominator", equalTo(2))
                .body("rates.find { it.name == 'onTimeCompletionRate' }.denominator", equalTo(1))
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
                .body("ranking", hasSize(2))
                .body("redList", hasSize(1))
                .body("blackList", hasSize(1));
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
}
