package org.openysb.notification.delivery.service;

import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.notification.sinks.SmsGatewayStub.Attempt;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;

/**
 * A provider that fails: retries with exponential backoff and jitter (test profile: 3 attempts, 2 s doubling, up to
 * half taken off), then a dead letter an admin sees and sends again.
 */
@QuarkusTest
class RetryAndDeadLetterTest {
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final Duration WAIT = Duration.ofSeconds(40);

    static ValidatableResponse deadLetters(String token) {
        return given().auth().oauth2(token).get("/api/admin/dead-letters").then();
    }

    static ValidatableResponse log(String caseNumber) {
        return given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", caseNumber)
                .get("/api/notifications")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse retry(String token, long id) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .post("/api/admin/notifications/{id}/retry", id)
                .then();
    }

    @Test
    void shouldRetryWithBackoffThenDeadLetterAndSendWhenAnAdminRetries() {
        String cn = "TS202611230301";
        String mobile = "13900230301";
        LocalSinks.intake().put(cn, "钱七", mobile, "qianqi@example.com");
        LocalSinks.sms().failFor(mobile);

        publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));

        await().atMost(WAIT).until(() -> LocalSinks.sms().attemptsFor(mobile).size() >= 3);
        await().atMost(WAIT).untilAsserted(() -> deadLetters(ADMIN)
                .statusCode(200)
                .body("find { it.caseNumber == '" + cn + "' }.channel", equalTo("SMS"))
                .body("find { it.caseNumber == '" + cn + "' }.status", equalTo("DEAD"))
                .body("find { it.caseNumber == '" + cn + "' }.attempts", equalTo(3))
                .body("find { it.caseNumber == '" + cn + "' }.lastError", containsString("isp.SYSTEM_ERROR"))
                .body("find { it.caseNumber == '" + cn + "' }.nextAttemptAt", nullValue()));

        List<Attempt> attempts = LocalSinks.sms().attemptsFor(mobile);
        assertThat(attempts, hasSize(3));
        assertThat(attempts.stream().map(Attempt::code).toList(), everyItem(equalTo("isp.SYSTEM_ERROR")));
        // waits: 2 s then 4 s, each less up to half (jitter), plus up to a dispatcher period (1 s)
        long first =
                Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis();
        long second =
                Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis();
        assertThat(first, greaterThanOrEqualTo(1_000L));
        assertThat(first, lessThan(2_000L + 1_500L));
        assertThat(second, greaterThanOrEqualTo(2_000L));
        assertThat(second, lessThan(4_000L + 1_500L));
        // the email of the same receipt does not depend on the SMS provider
        await().atMost(WAIT).until(() -> mailsTo("qianqi@example.com").size() == 1);

        deadLetters(TestTokens.handler("handler-scjg", "SCJG")).statusCode(403);
        deadLetters(SUPERVISOR).statusCode(403);
        long smsId = log(cn).extract().jsonPath().getLong("find { it.channel == 'SMS' }.id");
        long emailId = log(cn).extract().jsonPath().getLong("find { it.channel == 'EMAIL' }.id");
        retry(SUPERVISOR, smsId).statusCode(403);
        retry(ADMIN, emailId).statusCode(409); // delivered: nothing to retry
        retry(ADMIN, 987_654_321L).statusCode(404);

        LocalSinks.sms().recover(mobile);
        retry(ADMIN, smsId).statusCode(200).body("status", equalTo("PENDING")).body("attempts", equalTo(0));

        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 1);
        assertThat(LocalSinks.sms().sentTo(mobile).get(0).content(), containsString(cn));
        await().atMost(WAIT)
                .untilAsserted(() -> log(cn).body("find { it.id == " + smsId + " }.status", equalTo("DELIVERED"))
                        .body("find { it.id == " + smsId + " }.attempts", equalTo(1))
                        .body("find { it.id == " + smsId + " }.lastError", nullValue()));
        deadLetters(ADMIN).body("findAll { it.id == " + smsId + " }", empty());
        assertThat(LocalSinks.sms().attemptsFor(mobile), hasSize(4));
    }

    @Test
    void shouldNotRetryWhatCanNeverBeDelivered() {
        // the provider refuses the number for good
        String refused = "TS202611230302";
        String mobile = "13900230302";
        LocalSinks.intake().put(refused, "孙八", mobile, null);
        LocalSinks.sms().refuse(mobile);
        // complaint-intake does not know the complainant (any more)
        String unknown = "TS202611230303";

        publish(EventType.COMPLAINT_SUBMITTED, refused, complaint(refused, person(refused, mobile), false));
        publish(EventType.COMPLAINT_SUBMITTED, unknown, complaint(unknown, person(unknown, "13900230303"), false));

        await().atMost(WAIT)
                .until(() -> LocalSinks.sms().attemptsFor(mobile).size() >= 1
                        && LocalSinks.intake().lookups().stream()
                                        .filter(("complaint:" + unknown)::equals)
                                        .count()
                                >= 1); // one lookup per batch serves the SMS and the email of the same complainant
        await().atMost(WAIT).untilAsserted(() -> deadLetters(ADMIN)
                .statusCode(200)
                .body("find { it.caseNumber == '" + refused + "' }.attempts", equalTo(1))
                .body(
                        "find { it.caseNumber == '" + refused + "' }.lastError",
                        containsString("isv.MOBILE_NUMBER_ILLEGAL"))
                .body("findAll { it.caseNumber == '" + unknown + "' }", hasSize(2))
                .body("find { it.caseNumber == '" + unknown + "' }.lastError", containsString("no contact")));
        assertThat(LocalSinks.sms().attemptsFor(mobile), hasSize(1));
        assertThat(LocalSinks.sms().attemptsFor("13900230303"), empty());
        log(refused).body("find { it.channel == 'EMAIL' }.status", equalTo("SKIPPED"));
        log(unknown).body("$", hasSize(2)).body("findAll { it.status == 'DEAD' }", hasSize(2));
    }
}
