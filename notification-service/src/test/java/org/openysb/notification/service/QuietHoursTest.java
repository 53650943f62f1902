package org.openysb.notification.service;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.notification.ConsumedEvents;
import org.openysb.notification.TestClock;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;

/** No SMS between 22:00 and 08:00 (Asia/Shanghai) except for urgent cases; the others go out at 08:00. */
@QuarkusTest
class QuietHoursTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ConsumedEvents consumed;

    static ValidatableResponse log(String caseNumber) {
        return given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", caseNumber)
                .get("/api/notifications")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldHoldBackNonUrgentSmsAtNightUntilEightAndLetUrgentOnesThrough() throws Exception {
        String normal = "TS202611230401";
        String urgent = "TS202611230402";
        LocalSinks.intake().put(normal, "周九", "13700230401", "zhoujiu@example.com");
        LocalSinks.intake().put(urgent, "吴十", "13700230402", null);

        ZonedDateTime night = clock.travelToNext(LocalTime.of(23, 0));
        CloudEvent normalEvent =
                publish(EventType.COMPLAINT_SUBMITTED, normal, complaint(normal, person(normal, "13700230401"), false));
        publish(EventType.COMPLAINT_SUBMITTED, urgent, complaint(urgent, person(urgent, "13700230402"), true));

        // urgent: out at night; email is not held back either (and proves the dispatcher went over this case)
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo("13700230402").size() == 1);
        await().atMost(WAIT).until(() -> mailsTo("zhoujiu@example.com").size() == 1);
        await().atMost(WAIT).until(() -> consumed.consumed(normalEvent.id()));
        OffsetDateTime eight = night.toLocalDate()
                .plusDays(1)
                .atTime(8, 0)
                .atZone(TestClock.CHINA)
                .toOffsetDateTime();
        log(normal)
                .body("find { it.channel == 'SMS' }.status", equalTo("PENDING"))
                .body("find { it.channel == 'SMS' }.attempts", equalTo(0));
        String deferredTo = log(normal).extract().jsonPath().getString("find { it.channel == 'SMS' }.nextAttemptAt");
        assertThat(OffsetDateTime.parse(deferredTo).toInstant(), equalTo(eight.toInstant()));
        Thread.sleep(2_500); // a few dispatcher runs in quiet hours
        assertThat(LocalSinks.sms().attemptsFor("13700230401"), empty());

        ZonedDateTime morning = clock.travelToNext(LocalTime.of(8, 0));
        assertThat(morning.toOffsetDateTime().toInstant(), equalTo(eight.toInstant()));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo("13700230401").size() == 1);
        await().atMost(WAIT).untilAsserted(() -> log(normal)
                .body("find { it.channel == 'SMS' }.status", equalTo("DELIVERED"))
                .body("find { it.channel == 'SMS' }.attempts", equalTo(1)));
        OffsetDateTime sentAt =
                OffsetDateTime.parse(log(normal).extract().jsonPath().getString("find { it.channel == 'SMS' }.sentAt"));
        assertThat(sentAt.toInstant(), greaterThanOrEqualTo(eight.toInstant()));
        assertThat(LocalSinks.sms().sentTo("13700230402"), hasSize(1));
    }
}
