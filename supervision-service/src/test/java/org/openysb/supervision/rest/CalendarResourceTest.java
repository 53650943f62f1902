package org.openysb.supervision.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CalendarResourceTest {
    @Test
    void shouldCountWorkingDaysOnTheStateCouncilCalendar() {
        String body = given().queryParam("start", "2026-09-30T10:00:00+08:00")
                .queryParam("workingDays", 5)
                .get("/api/calendar/deadline")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertJson("{\"deadline\":\"2026-10-13T23:59:59.999+08:00\",\"deadlineProvisional\":false}", body);
    }

    @Test
    void shouldCountCalendarHours() {
        given().queryParam("start", "2026-10-01T10:00:00+08:00")
                .queryParam("hours", 24)
                .get("/api/calendar/deadline")
                .then()
                .statusCode(200)
                .body("deadline", equalTo("2026-10-02T10:00:00+08:00"));
    }

    @Test
    void shouldNotAcceptBothLimits() {
        given().queryParam("start", "2026-10-01T10:00:00+08:00")
                .queryParam("hours", 24)
                .queryParam("workingDays", 2)
                .get("/api/calendar/deadline")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("workingDays"));
    }

    @Test
    void shouldNotAcceptAMalformedStart() {
        given().queryParam("start", "yesterday")
                .queryParam("workingDays", 2)
                .get("/api/calendar/deadline")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("start"));
    }

    private static void assertJson(String expected, String actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual.replace(" ", ""));
    }
}
