package org.openysb.supervision.calendar;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.DeadlineRecomputed;
import org.openysb.supervision.messaging.RoutingConsumerTest;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year without a holiday notice (2027: the bundled notices end with 2026): deadlines reaching it are counted on the
 * statutory holidays and marked provisional everywhere; loading the notice recomputes them and removes the mark; a
 * one-off day is a new version of its year. Each test leaves the calendar as it found it (2027 without notice, 2026 as
 * bundled).
 */
@QuarkusTest
class ProvisionalCalendarTest {
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    private static final String HANDLER = TestTokens.handler("handler-calt", "CALT");
    private static final String JAN_11 = "2027-01-11T23:59:59.999+08:00";
    private static final String JAN_12 = "2027-01-12T23:59:59.999+08:00";

    @Test
    void shouldMarkDeadlinesInAYearWithoutNoticeAndRecomputeThemWhenItIsLoaded() {
        // the example: 2026-12-20 + 15 working days, New Year's Day 2027 off by law
        given().queryParam("start", "2026-12-20T10:00:00+08:00")
                .queryParam("workingDays", 15)
                .get("/api/calendar/deadline")
                .then()
                .statusCode(200)
                .body("deadline", equalTo(JAN_11))
                .body("deadlineProvisional", equalTo(true));

        String cn = "TS202612209101";
        RoutingConsumerTest.route(cn, "CALT", "日历测试单位", "2026-12-20T10:00:00+08:00", false, "COMPLAINT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200)
                .body("handlingDeadline", equalTo(JAN_11))
                .body("handlingDeadlineProvisional", equalTo(true))
                .body("signForDeadline", equalTo("2026-12-21T23:59:59.999+08:00"))
                .body("signForDeadlineProvisional", equalTo(false)));
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(200)
                .body("clocks.find { it.kind == 'HANDLING' }.deadlineProvisional", equalTo(true))
                .body("clocks.find { it.kind == 'SIGN_FOR' }.deadlineProvisional", equalTo(false));
        given().auth()
                .oauth2(HANDLER)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .queryParam("tab", "IN_PROGRESS")
                .queryParam("q", cn)
                .get("/api/work-items/queue")
                .then()
                .statusCode(200)
                .body("items[0].clock.kind", equalTo("HANDLING"))
                .body("items[0].clock.deadline", equalTo(JAN_11))
                .body("items[0].clock.deadlineProvisional", equalTo(true));
        given().get("/api/calendar")
                .then()
                .statusCode(200)
                .body("provisionalFrom", equalTo("2027-01-01"))
                .body("provisional.year", hasItem(2027))
                .body("provisional.find { it.year == 2027 }.holidays.date", hasItem("2027-02-05"))
                .body("provisionalDeadlines", greaterThanOrEqualTo(1));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("provisionalDeadlines"))
                .body(containsString("deadlines in it are provisional"));

        // the 2027 notice (a test one: 2027-01-04 off as well) moves the deadline and removes the mark
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true},"
                        + "{\"name\":\"元旦\",\"date\":\"2027-01-04\",\"isOffDay\":true}]}")
                .put("/api/calendar/2027")
                .then()
                .statusCode(200)
                .body("recomputedCases", greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo(JAN_12))
                .body("handlingDeadlineProvisional", equalTo(false));
        given().queryParam("start", "2026-12-20T10:00:00+08:00")
                .queryParam("workingDays", 15)
                .get("/api/calendar/deadline")
                .then()
                .body("deadline", equalTo(JAN_12))
                .body("deadlineProvisional", equalTo(false));
        // announced on ysb.supervision for the complainant's tracking: the new deadline, no longer provisional
        DeadlineRecomputed loaded = recomputed(cn, 1).get(0);
        assertEquals("CALT", loaded.unit().code());
        assertEquals(instant(JAN_11), loaded.previousDeadline().toInstant());
        assertEquals(instant(JAN_12), loaded.handlingDeadline().toInstant());
        assertFalse(loaded.deadlineProvisional());
        assertEquals(DeadlineRecomputed.NOTICE_LOADED, loaded.reason());
        assertEquals(2027, loaded.calendarYear());
        given().auth()
                .oauth2(ADMIN)
                .get("/api/calendar/2027/versions")
                .then()
                .body("[0].version", equalTo(loaded.calendarVersion()));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body(
                        "steps.find { it.action == 'deadline-recomputed' }.detail",
                        equalTo("2027年放假安排已载入：办理期限 2027-01-11 23:59（暂定） → 2027-01-12 23:59"));

        // withdrawn: provisional again
        given().auth().oauth2(ADMIN).delete("/api/calendar/2027").then().statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo(JAN_11))
                .body("handlingDeadlineProvisional", equalTo(true));

        // a notice that keeps the deadline still removes the mark, and the trail says so
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}")
                .put("/api/calendar/2027")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo(JAN_11))
                .body("handlingDeadlineProvisional", equalTo(false));
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body("steps.detail", hasItem("2027年放假安排已载入：办理期限 2027-01-11 23:59 不变，不再暂定"));
        // withdrawn: back to provisional; loaded again: the same date, the mark gone
        List<DeadlineRecomputed> later = recomputed(cn, 3);
        assertEquals(DeadlineRecomputed.NOTICE_WITHDRAWN, later.get(1).reason());
        assertTrue(later.get(1).deadlineProvisional());
        assertEquals(instant(JAN_11), later.get(1).handlingDeadline().toInstant());
        assertEquals(DeadlineRecomputed.NOTICE_LOADED, later.get(2).reason());
        assertFalse(later.get(2).deadlineProvisional());
        assertEquals(instant(JAN_11), later.get(2).previousDeadline().toInstant());
        assertEquals(instant(JAN_11), later.get(2).handlingDeadline().toInstant());
        given().auth()
                .oauth2(ADMIN)
                .get("/api/calendar/2027/versions")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("NOTICE"))
                .body("[1].kind", equalTo("WITHDRAWN"))
                .body("[2].kind", equalTo("NOTICE"))
                .body("[0].createdBy", equalTo("admin1"));

        given().auth().oauth2(ADMIN).delete("/api/calendar/2027").then().statusCode(200);
        given().get("/api/calendar").then().body("missing", hasItem(2027));
    }

    @Test
    void shouldAddOneOffDaysAsNewVersionsAndRecompute() {
        String cn = "TS202612309102";
        // an inquiry (3 working days) assigned on Wednesday 2026-12-30: Dec 31, (Jan 1 off by law) Jan 4, Jan 5
        RoutingConsumerTest.route(cn, "CALT", "日历测试单位", "2026-12-30T10:00:00+08:00", false, "INQUIRY");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .statusCode(200)
                .body("handlingDeadline", equalTo("2027-01-05T23:59:59.999+08:00"))
                .body("handlingDeadlineProvisional", equalTo(true)));

        // a one-off off day in a year without notice: applies on top of the statutory holidays, still provisional
        String location = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2027-01-04\",\"offDay\":true,\"name\":\"临时放假\","
                        + "\"reference\":\"国办发明电〔2026〕99号\",\"noticeDate\":\"2026-12-01\"}")
                .post("/api/calendar/2027/days")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/calendar/2027/versions/"))
                .body("year", equalTo(2027))
                .body("recomputedCases", greaterThanOrEqualTo(1))
                .extract()
                .header("Location");
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo("2027-01-06T23:59:59.999+08:00"))
                .body("handlingDeadlineProvisional", equalTo(true));
        DeadlineRecomputed oneOff = recomputed(cn, 1).get(0);
        assertEquals(DeadlineRecomputed.ONE_OFF_DAY, oneOff.reason());
        assertTrue(oneOff.deadlineProvisional());
        assertEquals(
                instant("2027-01-06T23:59:59.999+08:00"),
                oneOff.handlingDeadline().toInstant());
        assertEquals(2027, oneOff.calendarYear());
        assertEquals(Integer.valueOf(location.substring(location.lastIndexOf('/') + 1)), oneOff.calendarVersion());
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .body(
                        "steps.detail",
                        hasItem("2027年工作日历临时调整（国办发明电〔2026〕99号，2027-01-04放假）："
                                + "办理期限 2027-01-05 23:59（暂定） → 2027-01-06 23:59（暂定）"));
        given().get("/api/calendar")
                .then()
                .body("years.find { it.year == 2027 }.notice", equalTo(false))
                .body("provisional.find { it.year == 2027 }.oneOffDays", equalTo(1))
                .body("missing", hasItem(2027));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/calendar/2027/versions")
                .then()
                .statusCode(200)
                .body("[0].kind", equalTo("ONE_OFF"))
                .body("[0].createdBy", equalTo("admin1"))
                .body("[0].reference", equalTo("国办发明电〔2026〕99号"))
                .body("[0].noticeDate", equalTo("2026-12-01"))
                .body("[0].date", equalTo("2027-01-04"))
                .body("[0].offDay", equalTo(true));
        given().auth()
                .oauth2(ADMIN)
                .get(location)
                .then()
                .statusCode(200)
                .body("days.date", hasItem("2027-01-04"))
                .body("version", equalTo(Integer.valueOf(location.substring(location.lastIndexOf('/') + 1))));

        // with the year's notice loaded, a one-off make-up working day (Saturday 2027-01-02) counts as well
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}")
                .put("/api/calendar/2027")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo("2027-01-05T23:59:59.999+08:00"))
                .body("handlingDeadlineProvisional", equalTo(false));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2027-01-02\",\"offDay\":false,"
                        + "\"reference\":\"国办发明电〔2026〕100号\",\"noticeDate\":\"2026-12-02\"}")
                .post("/api/calendar/2027/days")
                .then()
                .statusCode(201)
                .body("recomputedCases", greaterThanOrEqualTo(1));
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo("2027-01-04T23:59:59.999+08:00"))
                .body("handlingDeadlineProvisional", equalTo(false));
        // notice loaded (the mark goes), then the make-up day (the date moves): both announced, not provisional
        List<DeadlineRecomputed> made = recomputed(cn, 3);
        assertEquals(DeadlineRecomputed.NOTICE_LOADED, made.get(1).reason());
        assertFalse(made.get(1).deadlineProvisional());
        assertEquals(DeadlineRecomputed.ONE_OFF_DAY, made.get(2).reason());
        assertFalse(made.get(2).deadlineProvisional());
        assertEquals(
                instant("2027-01-05T23:59:59.999+08:00"),
                made.get(2).previousDeadline().toInstant());
        assertEquals(
                instant("2027-01-04T23:59:59.999+08:00"),
                made.get(2).handlingDeadline().toInstant());
        given().get("/api/calendar/2027").then().body("find { it.date == '2027-01-02' }.name", equalTo("调休上班"));

        // withdrawn: back to the statutory holidays
        given().auth().oauth2(ADMIN).delete("/api/calendar/2027").then().statusCode(200);
        given().auth()
                .oauth2(HANDLER)
                .get("/api/work-items/{cn}", cn)
                .then()
                .body("handlingDeadline", equalTo("2027-01-05T23:59:59.999+08:00"))
                .body("handlingDeadlineProvisional", equalTo(true));
        given().get("/api/calendar").then().body("years.year", not(hasItem(2027)));
    }

    @Test
    void shouldRefuseABadOneOffDayFieldByField() {
        String valid = "\"reference\":\"国办发明电〔2026〕99号\",\"noticeDate\":\"2026-12-01\"";
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2027-01-05\",\"offDay\":true," + valid + "}")
                .post("/api/calendar/2026/days")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", containsString("2026"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2026-12-23\",\"offDay\":true,\"noticeDate\":\"2026-12-01\"}")
                .post("/api/calendar/2026/days")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(endsWith("reference")));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2026-12-26\",\"offDay\":true," + valid + "}") // a Saturday
                .post("/api/calendar/2026/days")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("offDay"))
                .body("errors[0].message", equalTo("该日已是休息日，无需调整"))
                .body("errors[0].messageEn", equalTo("that day is already an off day"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2026-12-23\",\"offDay\":true,\"reference\":\"x\",\"noticeDate\":\"2099-01-01\"}")
                .post("/api/calendar/2026/days")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("noticeDate"));
        given().auth()
                .oauth2(TestTokens.token("supervisor1", "supervisor"))
                .contentType(ContentType.JSON)
                .body("{\"date\":\"2026-12-23\",\"offDay\":true," + valid + "}")
                .post("/api/calendar/2026/days")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"date\":\"2026-12-23\",\"offDay\":true," + valid + "}")
                .post("/api/calendar/2026/days")
                .then()
                .statusCode(401);
        given().auth().oauth2(ADMIN).delete("/api/calendar/2031").then().statusCode(404);
    }

    /** The first {@code count} DeadlineRecomputed of the case on ysb.supervision, each checked against its schema. */
    private static List<DeadlineRecomputed> recomputed(String caseNumber, int count) {
        List<DeadlineRecomputed> events = org.openysb.testsupport.Topics.await(
                        Topics.SUPERVISION,
                        caseNumber,
                        v -> v.contains("org.openysb.DeadlineRecomputed"),
                        count,
                        Duration.ofSeconds(20))
                .stream()
                .map(r -> {
                    EventSchemas.assertValid(r.value());
                    return EventJson.read(r.value()).dataAs(DeadlineRecomputed.class);
                })
                .toList();
        assertTrue(
                events.size() >= count, "expected " + count + " DeadlineRecomputed of " + caseNumber + ": " + events);
        events.forEach(e -> assertEquals(caseNumber, e.caseNumber()));
        return events.subList(0, count);
    }

    private static java.time.Instant instant(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }
}
