package org.openysb.notification.delivery.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;

/**
 * A slow SMS provider (1.5 s an answer) and a batch's time budget (test profile: 2 s): a batch stops starting
 * hand-overs when its budget is spent, and what it did not start stays due for the next run — each message still sent
 * once, after one attempt, and nothing counted as failed.
 */
@QuarkusTest
class SlowProviderTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor-slow", "supervisor");

    @Test
    void shouldLeaveWhatABatchCannotStartInItsTimeBudgetForTheNextRun() {
        int complainants = 40; // 16 at a time: three rounds of 1.5 s, the third past the 2 s budget
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < complainants; i++) {
            String cn = String.format("TS2026112304%02d", i);
            String mobile = String.format("139002304%02d", i);
            LocalSinks.intake().put(cn, "慢" + i, mobile, null);
            LocalSinks.sms().delay(mobile, Duration.ofMillis(1500));
            cases.add(cn);
        }
        try {
            for (String cn : cases) {
                String mobile = "139002304" + cn.substring(cn.length() - 2);
                publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> cases.stream()
                    .allMatch(cn -> "DELIVERED".equals(smsOf(cn).getString("status"))));

            Set<OffsetDateTime> batches = new HashSet<>();
            for (String cn : cases) {
                String mobile = "139002304" + cn.substring(cn.length() - 2);
                assertEquals(1, LocalSinks.sms().sentTo(mobile).size(), "sent once to " + mobile);
                JsonPath sms = smsOf(cn);
                assertEquals(1, sms.getInt("attempts"), "one attempt, none counted for the wait: " + cn);
                batches.add(OffsetDateTime.parse(sms.getString("sentAt")));
            }
            assertTrue(batches.size() >= 2, "the receipts went out in more than one batch: " + batches);
        } finally {
            for (int i = 0; i < complainants; i++) {
                LocalSinks.sms().recover(String.format("139002304%02d", i));
            }
        }
    }

    private static JsonPath smsOf(String caseNumber) {
        return new JsonPath(given().auth()
                        .oauth2(SUPERVISOR)
                        .queryParam("caseNumber", caseNumber)
                        .get("/api/notifications")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .setRootPath("find { it.channel == 'SMS' }");
    }
}
