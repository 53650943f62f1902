package org.openysb.intake.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseReopened;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.DeadlineRecomputed;
import org.openysb.contracts.events.ExtensionApproved;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.intake.rest.ComplaintResourceTest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * What tracking shows of the handling, learnt from ysb.supervision: the expected reply time (the handling deadline of
 * WorkItemOpened, moved by an approved extension and by a reopening) and the unit's reply (CaseReplied) with the
 * result's Chinese name — never the handler who wrote it.
 */
@QuarkusTest
class TrackingProgressTest {
    private static final UnitRef SCJG = new UnitRef("SCJG", "市市场监管局");
    private static final OffsetDateTime NOW =
            OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);

    /** As Jackson writes an OffsetDateTime (seconds always). */
    private static String iso(OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private record Receipt(String caseNumber, String queryCode) {}

    private static Receipt file() {
        var receipt = given().contentType(ContentType.JSON)
                .body(ComplaintResourceTest.validComplaint())
                .post("/api/complaints")
                .then()
                .statusCode(201)
                .extract();
        return new Receipt(receipt.path("caseNumber"), receipt.path("queryCode"));
    }

    private static String publish(EventType type, String caseNumber, Object data) {
        String event = EventJson.write(
                CloudEvent.of(type, "/supervision-service", caseNumber, OffsetDateTime.now(), EventJson.toTree(data)));
        org.openysb.testsupport.Topics.publish(Topics.SUPERVISION, caseNumber, event);
        return event;
    }

    private static io.restassured.response.ValidatableResponse tracked(Receipt r) {
        return given().queryParam("queryCode", r.queryCode())
                .get("/api/complaints/{caseNumber}", r.caseNumber())
                .then()
                .statusCode(200);
    }

    private static void opened(String caseNumber, OffsetDateTime handlingDeadline) {
        publish(
                EventType.WORK_ITEM_OPENED,
                caseNumber,
                new WorkItemOpened(
                        caseNumber,
                        SCJG,
                        List.of(),
                        "COMPLAINT",
                        false,
                        NOW,
                        NOW.plusDays(1),
                        NOW.plusDays(2),
                        NOW.plusDays(1),
                        handlingDeadline));
    }

    @Test
    void shouldExpectTheReplyByTheHandlingDeadlineAndItsExtension() {
        Receipt r = file();
        OffsetDateTime deadline = NOW.plusDays(21);
        opened(r.caseNumber(), deadline);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("expectedReplyBy", equalTo(iso(deadline)))
                .body("expectedReplyProvisional", equalTo(false)));

        OffsetDateTime extended = deadline.plusDays(14);
        publish(
                EventType.EXTENSION_APPROVED,
                r.caseNumber(),
                new ExtensionApproved(r.caseNumber(), SCJG, 10, deadline, extended, "supervisor1", NOW));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("expectedReplyBy", equalTo(iso(extended)))
                .body("timeline.find { it.step == 'ExtensionApproved' }.description", containsString("延长至"))
                .body("reply", nullValue()));
    }

    @Test
    void shouldShowTheUnitsReplyWithTheResultsNameButNotTheHandler() {
        Receipt r = file();
        opened(r.caseNumber(), NOW.plusDays(21));
        OffsetDateTime repliedAt = NOW.plusDays(3);
        publish(
                EventType.CASE_REPLIED,
                r.caseNumber(),
                new CaseReplied(
                        r.caseNumber(),
                        SCJG,
                        "RESOLVED",
                        "经核查，贵公司营业执照已于今日办结，请到窗口领取。",
                        "handler-zhangwei",
                        repliedAt,
                        true,
                        NOW.plusDays(10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("status", equalTo("REPLIED"))
                .body("reply.unitName", equalTo("市市场监管局"))
                .body("reply.resultCode", equalTo("RESOLVED"))
                .body("reply.resultName", equalTo("已解决"))
                .body("reply.text", equalTo("经核查，贵公司营业执照已于今日办结，请到窗口领取。"))
                .body("reply.repliedAt", equalTo(iso(repliedAt)))
                .body(not(containsString("handler-zhangwei"))));

        // reopened: a new deadline; the reply stays until the unit replies again
        OffsetDateTime again = NOW.plusDays(30);
        publish(
                EventType.CASE_REOPENED,
                r.caseNumber(),
                new CaseReopened(r.caseNumber(), SCJG, 1, again, "企业不满意", "supervisor1", NOW.plusDays(5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("status", equalTo("IN_PROGRESS"))
                .body("expectedReplyBy", equalTo(iso(again)))
                .body("reply.resultCode", equalTo("RESOLVED")));
    }

    @Test
    void shouldLeaveTheResultNameOutForAnUnknownResultCode() {
        Receipt r = file();
        publish(
                EventType.CASE_REPLIED,
                r.caseNumber(),
                new CaseReplied(r.caseNumber(), SCJG, "SOMETHING_NEW", "答复。", "h", NOW, true, NOW.plusDays(10)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("reply.resultCode", equalTo("SOMETHING_NEW"))
                .body("reply.resultName", nullValue()));
    }

    @Test
    void shouldMarkAProvisionalDeadlineAndFollowItsRecomputeOnce() {
        Receipt r = file();
        OffsetDateTime jan11 = OffsetDateTime.parse("2027-01-11T23:59:59.999+08:00");
        OffsetDateTime jan12 = OffsetDateTime.parse("2027-01-12T23:59:59.999+08:00");
        publish(
                EventType.WORK_ITEM_OPENED,
                r.caseNumber(),
                new WorkItemOpened(
                        r.caseNumber(),
                        SCJG,
                        List.of(),
                        "COMPLAINT",
                        false,
                        NOW,
                        NOW.plusDays(1),
                        NOW.plusDays(2),
                        NOW.plusDays(1),
                        jan11,
                        true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("expectedReplyBy", equalTo("2027-01-11T23:59:59.999+08:00"))
                .body("expectedReplyProvisional", equalTo(true))
                .body(
                        "timeline.find { it.step == 'WorkItemOpened' }.description",
                        equalTo("承办单位应于2027年1月11日 23:59前办结（暂定，国务院公布放假安排后可能调整）")));

        // the 2027 notice is loaded: the date moves and is definite; the same event delivered twice counts once
        String recomputed = publish(
                EventType.DEADLINE_RECOMPUTED,
                r.caseNumber(),
                new DeadlineRecomputed(
                        r.caseNumber(),
                        SCJG,
                        jan11,
                        jan12,
                        false,
                        DeadlineRecomputed.NOTICE_LOADED,
                        2027,
                        1,
                        NOW.plusDays(1)));
        org.openysb.testsupport.Topics.publish(Topics.SUPERVISION, r.caseNumber(), recomputed);
        // a later step of the case: once it shows, the redelivery before it has been consumed as well
        publish(EventType.CASE_SIGNED, r.caseNumber(), new CaseSigned(r.caseNumber(), SCJG, "h", NOW, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tracked(r)
                .body("timeline.step", hasItem("CaseSigned"))
                .body("expectedReplyBy", equalTo("2027-01-12T23:59:59.999+08:00"))
                .body("expectedReplyProvisional", equalTo(false))
                .body("timeline.findAll { it.step == 'DeadlineRecomputed' }", hasSize(1))
                .body(
                        "timeline.find { it.step == 'DeadlineRecomputed' }.description",
                        equalTo("国务院放假安排公布后，办理期限调整为2027年1月12日 23:59")));
    }
}
