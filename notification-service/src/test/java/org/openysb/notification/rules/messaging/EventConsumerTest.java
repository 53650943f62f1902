package org.openysb.notification.rules.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class EventConsumerTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");

    static void publishTwice(String topic, EventType type, String caseNumber, Object data) {
        String json =
                EventJson.write(CloudEvent.of(type, "/test", caseNumber, OffsetDateTime.now(), EventJson.toTree(data)));
        org.openysb.testsupport.Topics.publish(topic, caseNumber, json);
        org.openysb.testsupport.Topics.publish(topic, caseNumber, json);
    }

    static ComplaintSubmitted complaint(String caseNumber, ComplainantRef who) {
        return new ComplaintSubmitted(
                caseNumber,
                "WEB",
                "COMPLAINT",
                false,
                "标题",
                "内容",
                "D01",
                null,
                null,
                who.kind().equals("ANONYMOUS"),
                false,
                OffsetDateTime.now(),
                who,
                null);
    }

    @Test
    void shouldRecordOneReceiptForTheComplainantEvenWhenTheEventComesTwice() {
        publishTwice(
                Topics.COMPLAINTS,
                EventType.COMPLAINT_SUBMITTED,
                "TS202611217001",
                complaint(
                        "TS202611217001",
                        new ComplainantRef("PERSON", "complaint:TS202611217001", "张三", "138****1234", true)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", "TS202611217001")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("$", hasSize(2)) // the receipt by SMS, and by email where intake knows one
                .body("find { it.channel == 'SMS' }.recipientKind", equalTo("COMPLAINANT"))
                .body("find { it.channel == 'SMS' }.address", equalTo("138****1234"))
                .body("find { it.channel == 'SMS' }.body", containsString("TS202611217001"))
                .body("find { it.channel == 'EMAIL' }.recipientKind", equalTo("COMPLAINANT")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", "TS202611217001")
                .get("/api/notifications")
                .then()
                .body("$", hasSize(2)));
    }

    @Test
    void shouldTellNobodyAboutAnAnonymousComplaintWithoutContact() {
        publishTwice(
                Topics.COMPLAINTS,
                EventType.COMPLAINT_SUBMITTED,
                "TS202611217002",
                complaint(
                        "TS202611217002",
                        new ComplainantRef("ANONYMOUS", "complaint:TS202611217002", null, null, false)));
        // a later event of another case proves the consumer got past this one
        publishTwice(
                Topics.COMPLAINTS,
                EventType.COMPLAINT_SUBMITTED,
                "TS202611217003",
                complaint(
                        "TS202611217003",
                        new ComplainantRef("PERSON", "complaint:TS202611217003", "李四", "139****0000", true)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", "TS202611217003")
                .get("/api/notifications")
                .then()
                .body("$", hasSize(2)));
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", "TS202611217002")
                .get("/api/notifications")
                .then()
                .body("$", empty());
    }

    @Test
    void shouldPutANewCaseNoticeInTheLeadUnitsInboxOnly() {
        publishTwice(
                Topics.SUPERVISION,
                EventType.WORK_ITEM_OPENED,
                "TS202611217004",
                new WorkItemOpened(
                        "TS202611217004",
                        new UnitRef("SCJG", "市市场监管局"),
                        List.of(),
                        "COMPLAINT",
                        false,
                        OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                        OffsetDateTime.parse("2026-11-23T23:59:59.999+08:00"),
                        OffsetDateTime.parse("2026-11-23T23:59:59.999+08:00"),
                        OffsetDateTime.parse("2026-11-23T23:59:59.999+08:00"),
                        OffsetDateTime.parse("2026-12-11T23:59:59.999+08:00")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.handler("handler-scjg", "SCJG"))
                .get("/api/inbox")
                .then()
                .statusCode(200)
                .body("findAll { it.caseNumber == 'TS202611217004' }", hasSize(1))
                .body("find { it.caseNumber == 'TS202611217004' }.body", containsString("2026年11月23日 23:59前签收")));
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/inbox")
                .then()
                .statusCode(200)
                .body("findAll { it.caseNumber == 'TS202611217004' }", empty());
    }

    @Test
    void shouldNotShowTheDeliveryLogToAHandlerOrAnonymousCaller() {
        given().queryParam("caseNumber", "TS202611217001")
                .get("/api/notifications")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.handler("handler-scjg", "SCJG"))
                .queryParam("caseNumber", "TS202611217001")
                .get("/api/notifications")
                .then()
                .statusCode(403);
    }
}
