package org.openysb.notification.rules.service;

import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.UnitRef;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.reminderNotice;
import static org.openysb.notification.Fixtures.subject;

/** Supervisors learn about overdue cases; the delivery log of one recipient is open to supervisors and inspectors. */
@QuarkusTest
class SupervisorNoticesTest {
    private static final UnitRef D01 = new UnitRef("D01", "东城区人民政府");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    private static final Duration WAIT = Duration.ofSeconds(30);

    static ValidatableResponse logOf(String token, String recipient) {
        return given().auth()
                .oauth2(token)
                .queryParam("recipient", recipient)
                .get("/api/notifications")
                .then();
    }

    @Test
    void shouldTellSupervisorsAndTheUnitWhenAReminderNoticeIsIssued() {
        String cn = "TS202611230901";
        publish(EventType.REMINDER_NOTICE_ISSUED, cn, reminderNotice(cn, D01, "催字〔2026〕第000901号"));

        await().atMost(WAIT).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/inbox")
                .then()
                .statusCode(200)
                .body("find { it.caseNumber == '" + cn + "' }.template", equalTo("overdue.inbox"))
                .body("find { it.caseNumber == '" + cn + "' }.subject", equalTo("超期件 " + cn))
                .body(
                        "find { it.caseNumber == '" + cn + "' }.body",
                        equalTo("超期件：东城区人民政府承办的" + cn + "办理已于2026年11月20日 23:59到期，超期1个工作日，"
                                + "已发出催办通知书催字〔2026〕第000901号，请跟踪督办。")));
        given().auth()
                .oauth2(TestTokens.handler("handler-d01", "D01"))
                .get("/api/inbox")
                .then()
                .body("find { it.caseNumber == '" + cn + "' }.template", equalTo("reminder-notice.inbox"))
                .body("find { it.caseNumber == '" + cn + "' }.subject", equalTo("催办通知书 催字〔2026〕第000901号"));
        await().atMost(WAIT).until(() -> mailsTo("supervisor1@example.org").stream()
                .anyMatch(m -> subject(m).equals("超期件 " + cn)));
        await().atMost(WAIT).until(() -> mailsTo("handler-d01@example.org").stream()
                .anyMatch(m -> subject(m).equals("催办通知书 催字〔2026〕第000901号")));

        // the supervisor's own delivery log: inbox and email of this notice, both delivered
        await().atMost(WAIT).untilAsserted(() -> logOf(INSPECTOR, "supervisor1")
                .statusCode(200)
                .body("findAll { it.caseNumber == '" + cn + "' }", hasSize(2))
                .body("findAll { it.caseNumber == '" + cn + "' }.status", everyItem(equalTo("DELIVERED")))
                .body("recipient", everyItem(equalTo("supervisor1"))));
        logOf(SUPERVISOR, "D01").statusCode(200).body("caseNumber", hasItem(cn));
    }

    @Test
    void shouldShowTheDeliveryLogOfAComplainantToSupervisorsAndInspectorsOnly() {
        String cn = "TS202611230902";
        String mobile = "13800230902";
        LocalSinks.intake().put(cn, "周九", mobile, null);
        publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        await().atMost(WAIT).untilAsserted(() -> logOf(SUPERVISOR, "complaint:" + cn)
                .statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.channel == 'SMS' }.status", equalTo("DELIVERED"))
                .body("find { it.channel == 'EMAIL' }.status", equalTo("SKIPPED")));
        logOf(INSPECTOR, "complaint:" + cn).statusCode(200).body("$", hasSize(2));
        logOf(SUPERVISOR, "complaint:" + cn).body(not(containsString(mobile)));
        logOf(TestTokens.handler("handler-scjg", "SCJG"), "complaint:" + cn).statusCode(403);
        logOf(TestTokens.token("citizen1", "citizen"), "complaint:" + cn).statusCode(403);
        given().queryParam("recipient", "complaint:" + cn)
                .get("/api/notifications")
                .then()
                .statusCode(401);
        // one of the two, not both and not neither
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("recipient", "supervisor1")
                .queryParam("caseNumber", cn)
                .get("/api/notifications")
                .then()
                .statusCode(400);
        given().auth().oauth2(SUPERVISOR).get("/api/notifications").then().statusCode(400);
    }
}
