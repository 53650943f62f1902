package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.supervision.service.FollowUpLinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What anyone may see without signing in: the expected reply of a complaint type, and the public statistics. */
@QuarkusTest
class PublicResourceTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String HANDLER = TestTokens.handler("handler-sthj", "STHJ");

    @Inject
    FollowUpLinks links;

    static ValidatableResponse expected(String query) {
        return given().get("/api/public/expected-reply?" + query).then();
    }

    static ValidatableResponse statistics(String query) {
        return given().get("/api/public/statistics?" + query).then();
    }

    @Test
    void shouldGiveTheHandlingLimitOfATypeAndItsDeadlineOnTheWorkingDayCalendar() {
        var answer = expected("type=COMPLAINT&urgent=false")
                .statusCode(200)
                .body("type", equalTo("COMPLAINT"))
                .body("workingDays", equalTo(15))
                .body("calendarHours", nullValue())
                .body("deadline", containsString("T23:59:59.999+08:00"))
                .extract();
        String from = answer.path("from");
        // the same deadline as the calendar's own computation from the same moment
        String deadline = given().queryParam("start", from)
                .queryParam("workingDays", 15)
                .get("/api/calendar/deadline")
                .then()
                .statusCode(200)
                .extract()
                .path("deadline");
        assertEquals(
                OffsetDateTime.parse(deadline).toInstant(),
                OffsetDateTime.parse(answer.path("deadline")).toInstant());
        expected("type=INQUIRY").statusCode(200).body("workingDays", equalTo(3));
    }

    @Test
    void shouldGiveAnUrgentCaseItsCalendarHours() {
        var answer = expected("type=HELP&urgent=true")
                .statusCode(200)
                .body("workingDays", nullValue())
                .body("calendarHours", equalTo(24))
                .extract();
        assertEquals(
                Duration.ofHours(24),
                Duration.between(
                        OffsetDateTime.parse(answer.path("from")), OffsetDateTime.parse(answer.path("deadline"))));
    }

    @Test
    void shouldRefuseAnUnknownTypeOrFlagWithAFieldError() {
        expected("type=GRIEVANCE")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("COMPLAINT"));
        expected("urgent=false").statusCode(400).body("errors[0].field", equalTo("type"));
        expected("type=COMPLAINT&urgent=maybe").statusCode(400).body("errors[0].field", equalTo("urgent"));
    }

    @Test
    void shouldPublishCountsAndRatesWithoutPersonalDataAndCacheThem() {
        String replied = "TS202612078001";
        String open = "TS202612078002";
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        ClueLedgerTest.submitted(replied, "COMPLAINT", null, now.toString());
        ClueLedgerTest.submitted(open, "COMPLAINT", null, now.toString());
        RoutingConsumerTest.route(replied, "STHJ", "市生态环境局", now.toString(), false);
        RoutingConsumerTest.route(open, "STHJ", "市生态环境局", now.toString(), false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            given().auth()
                    .oauth2(HANDLER)
                    .get("/api/work-items/{cn}", replied)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(HANDLER)
                    .get("/api/work-items/{cn}", open)
                    .then()
                    .statusCode(200);
        });
        LifecycleTest.post(HANDLER, "/api/work-items/" + replied + "/sign", null, 200);
        LifecycleTest.post(HANDLER, "/api/work-items/" + replied + "/first-contact", Map.of("method", "PHONE"), 200);
        LifecycleTest.coUnitPart(replied);
        LifecycleTest.post(
                HANDLER,
                "/api/work-items/" + replied + "/reply",
                Map.of("resultCode", "RESOLVED", "text", "已责令整改并复核。"),
                200);
        given().queryParam("token", links.tokenFor(replied))
                .contentType("application/json")
                .body(Map.of("rating", "SATISFIED", "solved", true, "comment", "张三很满意"))
                .post("/api/follow-ups/{cn}", replied)
                .then()
                .statusCode(200);
        String month = YearMonth.now(CHINA).toString();
        String quarter =
                YearMonth.now(CHINA).getYear() + "-Q" + ((YearMonth.now(CHINA).getMonthValue() - 1) / 3 + 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=" + month + "-01&unit=STHJ")
                .then()
                .body("rates.find { it.name == 'onTimeSignForRate' }.denominator", equalTo(1))
                // the open case's sign-for window is still open: pending, not a failure
                .body("rates.find { it.name == 'onTimeSignForRate' }.pending", equalTo(1)));

        String body = statistics("months=2")
                .statusCode(200)
                .body("from", equalTo(YearMonth.now(CHINA).minusMonths(1) + "-01"))
                .body("to", equalTo(YearMonth.now(CHINA).atEndOfMonth().toString()))
                .body("months", hasSize(2))
                .body("months[1].month", equalTo(month))
                .body("months[1].received", greaterThanOrEqualTo(2))
                .body("months[1].closed", greaterThanOrEqualTo(1))
                .body("units.find { it.code == 'STHJ' }.name", equalTo("市生态环境局"))
                .body("units.find { it.code == 'STHJ' }.response.numerator", equalTo(1))
                .body("units.find { it.code == 'STHJ' }.response.denominator", equalTo(1)) // the other is pending
                .body("units.find { it.code == 'STHJ' }.response.rate", equalTo(1.0f))
                .body("units.find { it.code == 'STHJ' }.resolution.rate", equalTo(1.0f))
                .body("units.find { it.code == 'STHJ' }.satisfaction.numerator", equalTo(1))
                .body("units.find { it.code == 'STHJ' }.satisfaction.denominator", equalTo(1))
                // 三率综合 with the default weights 30/35/35: 0.3 × 1 + 0.35 × 1 + 0.35 × 1
                .body("units.find { it.code == 'STHJ' }.composite", equalTo(1.0f))
                .body("ranking.period", equalTo(quarter))
                .body("categories.find { it.code == 'MARKET_ENTRY' }.name", equalTo("企业开办与准入准营"))
                .body("categories.find { it.code == 'MARKET_ENTRY' }.count", greaterThanOrEqualTo(2))
                .extract()
                .asString();
        // no case, no complainant, no complaint or reply text, no comment, no handler
        assertThat(
                body,
                allOf(
                        not(containsString("TS2026")),
                        not(containsString("标题")),
                        not(containsString("内容")),
                        not(containsString("整改")),
                        not(containsString("张三")),
                        not(containsString("handler"))));

        // a complaint received now changes the figures, but the answer of the same request is served from the cache
        int received = statistics("months=2").extract().path("months[1].received");
        ClueLedgerTest.submitted("TS202612078003", "COMPLAINT", null, now.toString());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> statistics("months=3").statusCode(200).body("months[2].received", equalTo(received + 1)));
        statistics("months=2").statusCode(200).body("months[1].received", equalTo(received));
    }

    @Test
    void shouldRefuseMoreThanTwentyFourMonths() {
        statistics("months=25")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("months"))
                .body("errors[0].message", containsString("24"));
        statistics("months=0").statusCode(400).body("errors[0].field", equalTo("months"));
        statistics("months=six").statusCode(400).body("errors[0].field", equalTo("months"));
        given().get("/api/public/statistics").then().statusCode(200).body("months", hasSize(6));
    }
}
