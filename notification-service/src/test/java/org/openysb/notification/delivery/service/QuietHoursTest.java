package org.openysb.notification.delivery.service;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.openysb.notification.Fixtures.SCJG;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.replied;
import static org.openysb.notification.Fixtures.routed;

/**
 * No SMS between 22:00 and 08:00 (Asia/Shanghai) except for urgent cases and exempt messages (the receipt); the others
 * go out at 08:00.
 */
@QuarkusTest
public class QuietHoursTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;

    @Inject
    ConsumedEvents consumed;

    /** Back to the day even when a test failed at night: every other test class shares this clock. */
    @AfterEach
    void backToTheDay() {
        int hour = clock.instant().atZone(TestClock.CHINA).getHour();
        if (hour >= 22 || hour < 8) {
            clock.travelToNext(LocalTime.of(8, 0));
        }
    }

    public static ValidatableResponse log(String caseNumber) {
        return given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", caseNumber)
                .get("/api/notifications")
                .then()
                .statusCode(200);
    }

    /** The SMS of one message (template key, e.g. {@code replied.sms}) in the delivery log of the case. */
    public static String sms(String template) {
        return "find { it.channel == 'SMS' && it.template == '" + template + "' }";
    }

    public static OffsetDateTime time(String caseNumber, String template, String field) {
        return OffsetDateTime.parse(log(caseNumber).extract().jsonPath().getString(sms(template) + "." + field));
    }

    /** 08:00 in Asia/Shanghai of the morning after {@code night}. */
    public static OffsetDateTime eightAfter(ZonedDateTime night) {
        return night.toLocalDate()
                .plusDays(1)
                .atTime(8, 0)
                .atZone(TestClock.CHINA)
                .toOffsetDateTime();
    }

    @Test
    void shouldSendTheReceiptAtOnceAtNightButHoldBackTheReplyToTheSameComplainantUntilEight() throws Exception {
        String cn = "TS202611230403";
        String mobile = "13700230403";
        LocalSinks.intake().put(cn, "郑十一", mobile, null);

        ZonedDateTime night = clock.travelToNext(LocalTime.of(23, 0));
        OffsetDateTime eight = eightAfter(night);
        CloudEvent receipt = publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));

        // the receipt answers the complainant's own filing: out at 23:00, not at 08:00
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 1);
        assertThat(LocalSinks.sms().sentTo(mobile).get(0).content(), startsWith("【营商环境投诉】您的诉求已受理，案件编号" + cn));
        await().atMost(WAIT).untilAsserted(() -> log(cn).body(sms("receipt.sms") + ".status", equalTo("DELIVERED"))
                .body(sms("receipt.sms") + ".attempts", equalTo(1)));
        assertThat(time(cn, "receipt.sms", "sentAt").toInstant(), lessThan(eight.toInstant()));

        // the reply is the system's doing: it waits for the morning
        await().atMost(WAIT).until(() -> consumed.consumed(receipt.id()));
        CloudEvent reply = publish(EventType.CASE_REPLIED, cn, replied(cn, SCJG, "经核查，窗口已按清单受理，不再要求补充材料。"));
        await().atMost(WAIT).until(() -> consumed.consumed(reply.id()));
        log(cn).body(sms("replied.sms") + ".status", equalTo("PENDING"))
                .body(sms("replied.sms") + ".attempts", equalTo(0));
        assertThat(time(cn, "replied.sms", "nextAttemptAt").toInstant(), equalTo(eight.toInstant()));
        Thread.sleep(2_500); // a few dispatcher runs in quiet hours
        assertThat(LocalSinks.sms().attemptsFor(mobile), hasSize(1));

        ZonedDateTime morning = clock.travelToNext(LocalTime.of(8, 0));
        assertThat(morning.toOffsetDateTime().toInstant(), equalTo(eight.toInstant()));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 2);
        assertThat(LocalSinks.sms().sentTo(mobile).get(1).content(), startsWith("【营商环境投诉】市市场监管局已答复您的诉求" + cn));
        await().atMost(WAIT).untilAsserted(() -> log(cn).body(sms("replied.sms") + ".status", equalTo("DELIVERED"))
                .body(sms("replied.sms") + ".attempts", equalTo(1)));
        assertThat(time(cn, "replied.sms", "sentAt").toInstant(), greaterThanOrEqualTo(eight.toInstant()));
        assertThat(LocalSinks.sms().attemptsFor(mobile), hasSize(2));
    }

    @Test
    void shouldHoldBackNonUrgentSmsAtNightUntilEightAndLetUrgentOnesThrough() throws Exception {
        String normal = "TS202611230401";
        String urgent = "TS202611230402";
        LocalSinks.intake().put(normal, "周九", "13700230401", "zhoujiu@example.com");
        LocalSinks.intake().put(urgent, "吴十", "13700230402", null);

        ZonedDateTime night = clock.travelToNext(LocalTime.of(23, 0));
        OffsetDateTime eight = eightAfter(night);
        CloudEvent normalReceipt =
                publish(EventType.COMPLAINT_SUBMITTED, normal, complaint(normal, person(normal, "13700230401"), false));
        CloudEvent urgentReceipt =
                publish(EventType.COMPLAINT_SUBMITTED, urgent, complaint(urgent, person(urgent, "13700230402"), true));
        // both receipts are exempt: out at night
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo("13700230401").size() == 1);
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo("13700230402").size() == 1);
        await().atMost(WAIT)
                .until(() -> consumed.consumed(normalReceipt.id()) && consumed.consumed(urgentReceipt.id()));

        CloudEvent normalRouted = publish(EventType.CASE_ROUTED, normal, routed(normal, SCJG));
        publish(EventType.CASE_ROUTED, urgent, routed(urgent, SCJG));
        // urgent: out at night; email is not held back either (and proves the dispatcher went over this case)
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo("13700230402").size() == 2);
        await().atMost(WAIT).until(() -> mailsTo("zhoujiu@example.com").size() == 2);
        await().atMost(WAIT).until(() -> consumed.consumed(normalRouted.id()));
        log(normal)
                .body(sms("routed.sms") + ".status", equalTo("PENDING"))
                .body(sms("routed.sms") + ".attempts", equalTo(0));
        assertThat(time(normal, "routed.sms", "nextAttemptAt").toInstant(), equalTo(eight.toInstant()));
        Thread.sleep(2_500); // a few dispatcher runs in quiet hours
        assertThat(LocalSinks.sms().attemptsFor("13700230401"), hasSize(1));

        ZonedDateTime morning = clock.travelToNext(LocalTime.of(8, 0));
        assertThat(morning.toOffsetDateTime().toInstant(), equalTo(eight.toInstant()));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo("13700230401").size() == 2);
        await().atMost(WAIT).untilAsserted(() -> log(normal)
                .body(sms("routed.sms") + ".status", equalTo("DELIVERED"))
                .body(sms("routed.sms") + ".attempts", equalTo(1)));
        assertThat(time(normal, "routed.sms", "sentAt").toInstant(), greaterThanOrEqualTo(eight.toInstant()));
        assertThat(LocalSinks.sms().sentTo("13700230402"), hasSize(2));
    }
}
