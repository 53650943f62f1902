package org.openysb.supervision.rest;

import java.io.InputStream;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CalendarAdminTest {
    private static final String ADMIN = TestTokens.token("admin1", "admin");

    private static ObjectNode notice2026() throws Exception {
        try (InputStream in =
                CalendarAdminTest.class.getClassLoader().getResourceAsStream("reference/holidays-cn/2026.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    @Test
    void shouldRecomputeOpenCasesWhenACalendarChangesAndPutItOnTheirTrail() throws Exception {
        String cn = "TS202612249001";
        // an inquiry (3 working days) assigned on Thursday 2026-12-24: Dec 25, 28, 29
        RoutingConsumerTest.route(cn, "SCJG", "市市场监管局", "2026-12-24T10:00:00+08:00", false, "INQUIRY");
        String handler = TestTokens.handler("handler-scjg", "SCJG");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(handler)
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200)
                .body("handlingDeadline", equalTo("2026-12-29T23:59:59.999+08:00")));

        ObjectNode changed = notice2026();
        ObjectNode extra = ((ArrayNode) changed.get("days")).addObject();
        extra.put("name", "测试调整").put("date", "2026-12-28").put("isOffDay", true);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(changed.toString())
                .put("/api/calendar/2026")
                .then()
                .statusCode(200)
                .body("recomputedCases", greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(handler)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo("2026-12-30T23:59:59.999+08:00"));
        given().auth()
                .oauth2(TestTokens.token("inspector1", "inspector"))
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body("steps.action", hasItem("deadline-recomputed"));
        given().queryParam("start", "2026-12-24T10:00:00+08:00")
                .queryParam("workingDays", 3)
                .get("/api/calendar/deadline")
                .then()
                .body("deadline", equalTo("2026-12-30T23:59:59.999+08:00"));

        // restore the real notice for the other tests
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(notice2026().toString())
                .put("/api/calendar/2026")
                .then()
                .statusCode(200);
        given().get("/api/calendar/2026").then().statusCode(200).body("date", hasItem("2026-10-10"));
    }

    @Test
    void shouldRefuseABadCalendarOrANonAdmin() throws Exception {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(notice2026().toString())
                .put("/api/calendar/2027")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().auth()
                .oauth2(TestTokens.token("supervisor1", "supervisor"))
                .contentType(ContentType.JSON)
                .body(notice2026().toString())
                .put("/api/calendar/2026")
                .then()
                .statusCode(403);
        given().get("/api/calendar/2031").then().statusCode(404);
    }

    @Test
    void shouldListTheLoadedYearsWithTheirCountsAndTheMissingOnes() throws Exception {
        com.fasterxml.jackson.databind.JsonNode days = notice2026().get("days");
        int off = 0;
        int work = 0;
        for (com.fasterxml.jackson.databind.JsonNode d : days) {
            if (d.get("isOffDay").asBoolean()) {
                off++;
            } else {
                work++;
            }
        }
        int thisYear = java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();
        io.restassured.path.json.JsonPath overview = given().get("/api/calendar")
                .then()
                .statusCode(200)
                .body(
                        "today",
                        equalTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                .toString()))
                .body("years.year", org.hamcrest.Matchers.hasItems(2023, 2024, 2025, 2026))
                .body("years.find { it.year == 2026 }.offDays", equalTo(off))
                .body("years.find { it.year == 2026 }.workDays", equalTo(work))
                .body("years.find { it.year == 2026 }.source", containsString("2026"))
                .body("years.find { it.year == 2026 }.loadedAt", org.hamcrest.Matchers.notNullValue())
                .extract()
                .jsonPath();
        java.util.List<Integer> loaded = overview.getList("years.year", Integer.class);
        java.util.List<Integer> expectedMissing = java.util.stream.IntStream.rangeClosed(thisYear, thisYear + 1)
                .filter(y -> !loaded.contains(y))
                .boxed()
                .toList();
        org.junit.jupiter.api.Assertions.assertEquals(expectedMissing, overview.getList("missing", Integer.class));
        // the bundled notices end with 2026: from 2026 on, next year is reported missing
        if (thisYear >= 2026) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    overview.getList("missing", Integer.class).contains(thisYear + 1));
        }
    }

    @Test
    void shouldReportTheCalendarInReadiness() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("working-day calendar"));
    }
}
