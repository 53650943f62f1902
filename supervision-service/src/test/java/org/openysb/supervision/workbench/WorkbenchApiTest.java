package org.openysb.supervision.workbench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseResumed;
import org.openysb.contracts.events.CaseSuspended;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.SuspensionRejected;
import org.openysb.contracts.events.SuspensionRequested;
import org.openysb.contracts.events.UnitRef;
import org.openysb.supervision.Events;
import org.openysb.supervision.suspension.service.SuspensionService;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the workbench pages read and do: the queue, the case page, notes, bulk sign-for, suspension, templates. */
@QuarkusTest
class WorkbenchApiTest {
    private static final String SCJG = TestTokens.handler("handler-scjg", "SCJG");
    private static final String ZWFW = TestTokens.handler("handler-zwfw", "ZWFW");
    private static final String TAX = TestTokens.handler("handler-tax", "TAX");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String OPERATOR = TestTokens.token("operator1", "hotline-operator");

    /** Case numbers of this run: no other test class uses the year 2099. */
    private static final String RUN = "TS20991207" + String.format("%03d", (System.currentTimeMillis() / 1000) % 1000);

    private static final String N000 = RUN + "000";
    private static final String N001 = RUN + "001";
    private static final String N002 = RUN + "002";
    private static final String N011 = RUN + "011";
    private static final String N012 = RUN + "012";
    private static final String N013 = RUN + "013";
    private static final String N021 = RUN + "021";
    private static final String N022 = RUN + "022";
    private static final String N023 = RUN + "023";
    private static final String N031 = RUN + "031";
    private static final String N041 = RUN + "041";
    private static final String N042 = RUN + "042";
    private static final String N051 = RUN + "051";

    @Inject
    EntityManager entityManager;

    @Inject
    SuspensionService suspensions;

    /** A confidential complaint, received and routed to SCJG with ZWFW as co-unit. */
    private static void receivedAndRouted(String caseNumber, String accusedUnit, String lead, String repeatOf) {
        ComplaintSubmitted complaint = new ComplaintSubmitted(
                caseNumber,
                "WEB",
                "COMPLAINT",
                false,
                "营业执照办理被拖延",
                "申请营业执照三周无回复，\n窗口说材料不全但不说缺什么。",
                "D01",
                null,
                accusedUnit,
                false,
                true,
                OffsetDateTime.now(),
                new ComplainantRef("PERSON", "complaint:" + caseNumber, null, "138****1234", true),
                repeatOf);
        Events.publishComplaint(
                caseNumber,
                EventJson.write(CloudEvent.of(
                        EventType.COMPLAINT_SUBMITTED,
                        "/complaint-intake",
                        caseNumber,
                        OffsetDateTime.now(),
                        EventJson.toTree(complaint))));
        Events.publishRouted(
                caseNumber,
                Events.caseRouted(
                        caseNumber,
                        new UnitRef(lead, lead),
                        List.of(new UnitRef("ZWFW", "市政府政务服务中心")),
                        "COMPLAINT",
                        false,
                        1,
                        OffsetDateTime.now()));
    }

    /**
     * The events of {@code type} the case has on ysb.supervision, once the first is there and a moment has passed for
     * a duplicate to show up; each one valid against its schema.
     */
    private static List<ConsumerRecord<String, String>> published(String caseNumber, EventType type, int expected) {
        java.util.function.Predicate<String> ofType = v -> v.contains("\"" + type.ceType() + "\"");
        List<ConsumerRecord<String, String>> found = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, caseNumber, ofType, expected, Duration.ofSeconds(20));
        assertEquals(expected, found.size(), type.simpleName() + " published");
        found = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, caseNumber, ofType, expected + 1, Duration.ofSeconds(2));
        assertEquals(expected, found.size(), type.simpleName() + " published " + expected + " time(s)");
        found.forEach(r -> assertEquals(type, EventSchemas.assertValid(r.value())));
        return found;
    }

    /** The one event of {@code type} of the case, valid against its schema. */
    private static <T> T publishedOnce(String caseNumber, EventType type, Class<T> data) {
        return EventJson.read(published(caseNumber, type, 1).get(0).value()).dataAs(data);
    }

    private static void awaitFile(String caseNumber, String token) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(token)
                .get("/api/work-items/{cn}/file", caseNumber)
                .then()
                .statusCode(200)
                .body("complaint.title", notNullValue()));
    }

    @Test
    void shouldShowTheCaseToItsUnitsOnlyAndNeverAConfidentialComplainantsContact() {
        String cn = N001;
        receivedAndRouted(cn, null, "SCJG", N000);
        awaitFile(cn, SCJG);

        given().auth()
                .oauth2(SCJG)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(200)
                .body("viewerRole", equalTo("LEAD"))
                .body("actions", equalTo(List.of("sign", "return", "note")))
                .body("complaint.content", containsString("\n窗口说材料不全"))
                .body("complaint.confidential", equalTo(true))
                .body("complaint.displayName", nullValue())
                .body("complaint.maskedMobile", nullValue())
                .body("repeats.repeatOf", equalTo(N000))
                .body("clocks.kind", hasItems("SIGN_FOR", "FIRST_CONTACT", "RETURN", "HANDLING"))
                .body("clocks.find { it.kind == 'SIGN_FOR' }.state", equalTo("OPEN"))
                .body("clocks.find { it.kind == 'HANDLING' }.workingDaysLeft", greaterThanOrEqualTo(10))
                .body("timeline", hasSize(greaterThanOrEqualTo(0)));
        given().auth()
                .oauth2(ZWFW)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(200)
                .body("viewerRole", equalTo("CO"))
                .body("actions", equalTo(List.of("co-unit-part", "note")));
        given().auth()
                .oauth2(TAX)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(200)
                .body("viewerRole", equalTo("OVERSIGHT"))
                .body("actions", equalTo(List.of("note")));
    }

    @Test
    void shouldNeverShowAComplaintAboutAUnitToThatUnit() {
        String cn = N002;
        receivedAndRouted(cn, "SCJG", "SCJG", null); // even when routing put it there
        awaitFile(cn, SUPERVISOR);
        given().auth().oauth2(SCJG).get("/api/work-items/{cn}/file", cn).then().statusCode(404);
        given().auth().oauth2(SCJG).get("/api/work-items/{cn}/notes", cn).then().statusCode(404);
        for (String tab : List.of("TO_SIGN", "IN_PROGRESS", "OVERDUE")) {
            given().auth()
                    .oauth2(SCJG)
                    .queryParam("tab", tab)
                    .queryParam("size", 100)
                    .get("/api/work-items/queue")
                    .then()
                    .statusCode(200)
                    .body("items.caseNumber", not(hasItem(cn)));
        }
        given().auth()
                .oauth2(ZWFW)
                .queryParam("tab", "IN_PROGRESS")
                .queryParam("q", cn)
                .get("/api/work-items/queue")
                .then()
                .statusCode(200)
                .body("items.caseNumber", contains(cn))
                .body("items[0].role", equalTo("CO"))
                .body("items[0].coPartSubmitted", equalTo(false));
    }

    @Test
    void shouldPageTheQueueWithCountsFiltersAndValidation() {
        for (String cn : List.of(N011, N012, N013)) {
            receivedAndRouted(cn, null, "SCJG", null);
        }
        awaitFile(N013, SCJG);
        awaitFile(N011, SCJG);
        awaitFile(N012, SCJG);
        given().auth()
                .oauth2(SCJG)
                .queryParam("tab", "TO_SIGN")
                .queryParam("q", RUN + "01")
                .queryParam("size", 2)
                .get("/api/work-items/queue")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("items.caseNumber", contains(N011, N012))
                .body("items[0].title", equalTo("营业执照办理被拖延"))
                .body("items[0].role", equalTo("LEAD"))
                .body("items[0].clock.kind", equalTo("SIGN_FOR"))
                .body("counts.TO_SIGN", greaterThanOrEqualTo(3))
                .body(
                        "counts.keySet()",
                        hasItems("IN_PROGRESS", "DUE_SOON", "OVERDUE", "RETURNED", "REOPENED", "CLOSED"));
        given().auth()
                .oauth2(SCJG)
                .queryParam("q", RUN + "01")
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/work-items/queue")
                .then()
                .body("items.caseNumber", contains(N013));
        given().auth()
                .oauth2(SCJG)
                .queryParam("q", RUN + "01")
                .queryParam("channel", "HOTLINE")
                .get("/api/work-items/queue")
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(SCJG)
                .queryParam("tab", "LATER")
                .get("/api/work-items/queue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tab"));
        given().auth()
                .oauth2(SCJG)
                .queryParam("deadlineFrom", "7 Dec")
                .get("/api/work-items/queue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("deadlineFrom"));
        given().auth()
                .oauth2(TAX)
                .queryParam("q", RUN + "01")
                .get("/api/work-items/queue")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldSignForSeveralCasesAndReportEachOne() {
        receivedAndRouted(N021, null, "SCJG", null);
        receivedAndRouted(N022, null, "SCJG", null);
        receivedAndRouted(N023, null, "TAX", null);
        awaitFile(N021, SCJG);
        awaitFile(N022, SCJG);
        awaitFile(N023, TAX);
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumbers", List.of(N021, N022, N023)))
                .post("/api/work-items/sign")
                .then()
                .statusCode(200)
                .body("results.caseNumber", contains(N021, N022, N023))
                .body("results.ok", contains(true, true, false))
                .body("results[0].status", equalTo("SIGNED"))
                .body("results[2].problem.status", equalTo(404));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumbers", List.of(N021)))
                .post("/api/work-items/sign")
                .then()
                .body("results[0].ok", equalTo(false))
                .body("results[0].problem.status", equalTo(409));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("caseNumbers", List.of()))
                .post("/api/work-items/sign")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldKeepInternalNotesForStaffAndOnTheTrail() {
        String cn = N031;
        receivedAndRouted(cn, null, "SCJG", null);
        awaitFile(cn, SCJG);
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "已电话联系窗口负责人，周三现场核查"))
                .post("/api/work-items/{cn}/notes", cn)
                .then()
                .statusCode(201)
                .body("author", equalTo("handler-scjg"))
                .body("unit", equalTo("SCJG"))
                .body("id", notNullValue());
        given().auth()
                .oauth2(ZWFW)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "协办意见稍后提交"))
                .post("/api/work-items/{cn}/notes", cn)
                .then()
                .statusCode(201)
                .body("unit", equalTo("ZWFW"));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("text", " "))
                .post("/api/work-items/{cn}/notes", cn)
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("text"));
        given().auth()
                .oauth2(TAX)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "不是我们的"))
                .post("/api/work-items/{cn}/notes", cn)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/{cn}/notes", cn)
                .then()
                .statusCode(200)
                .body("text", contains("已电话联系窗口负责人，周三现场核查", "协办意见稍后提交"));
        given().auth()
                .oauth2(TestTokens.token("inspector1", "inspector"))
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .statusCode(200)
                .body("steps.findAll { it.action == 'note' }", hasSize(2));
        given().auth()
                .oauth2(SCJG)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .body("timeline.action", hasItem("note"));
    }

    @Test
    void shouldPauseTheHandlingClockWhileSuspendedAndMoveTheDeadlineByThePause() {
        String cn = N041;
        receivedAndRouted(cn, null, "SCJG", null);
        awaitFile(cn, SCJG);
        Map<String, Object> suspension = Map.of("reason", "等待投诉人补充营业执照申请材料", "basis", "《工作规则》第十二条", "workingDays", 5);
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(suspension)
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(409)
                .body("type", containsString("suspension-not-allowed"));
        given().auth().oauth2(SCJG).post("/api/work-items/{cn}/sign", cn).then().statusCode(200);
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "", "basis", "x", "workingDays", 0))
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems(containsString("reason"), containsString("workingDays")));
        given().auth()
                .oauth2(TAX)
                .contentType(ContentType.JSON)
                .body(suspension)
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(suspension)
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(200)
                .body("state", equalTo("REQUESTED"));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(suspension)
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(409)
                .body("type", containsString("suspension-pending"));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/work-items/{cn}/suspension/decision", cn)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/suspensions")
                .then()
                .statusCode(200)
                .body("caseNumber", hasItem(cn));
        String resumeBy = given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true, "reason", "同意"))
                .post("/api/work-items/{cn}/suspension/decision", cn)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("resumeBy", notNullValue())
                .extract()
                .path("resumeBy");
        given().auth()
                .oauth2(SCJG)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .body("actions", equalTo(List.of("resume", "note")))
                .body("clocks.find { it.kind == 'HANDLING' }.paused", equalTo(true))
                .body("suspension.state", equalTo("ACTIVE"));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("method", "PHONE"))
                .post("/api/work-items/{cn}/first-contact", cn)
                .then()
                .statusCode(409);

        // the clock stood still for three working days
        OffsetDateTime before = handlingDeadline(cn);
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime started = OffsetDateTime.parse("2026-12-02T09:00:00+08:00"); // Wed; Thu, Fri, Mon → 3
            entityManager
                    .createNativeQuery("update case_suspension set started_at = ?1 where case_number = ?2")
                    .setParameter(1, started)
                    .setParameter(2, cn)
                    .executeUpdate();
        });
        String resumed = given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "投诉人已补交材料"))
                .post("/api/work-items/{cn}/suspension/resume", cn)
                .then()
                .statusCode(200)
                .body("state", equalTo("ENDED"))
                .extract()
                .path("pausedWorkingDays")
                .toString();
        int paused = Integer.parseInt(resumed);
        OffsetDateTime after = handlingDeadline(cn);
        assertEquals(true, paused >= 3, "paused " + paused);
        assertEquals(true, after.isAfter(before.plusDays(paused - 1)), before + " → " + after);
        given().auth()
                .oauth2(SCJG)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .body("actions", hasItem("first-contact"))
                .body("actions", not(hasItem("resume")))
                .body("clocks.find { it.kind == 'HANDLING' }.paused", equalTo(false))
                .body("timeline.action", hasItems("suspension-request", "suspension-approve", "suspension-resume"));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "再次"))
                .post("/api/work-items/{cn}/suspension/resume", cn)
                .then()
                .statusCode(409);

        // each step told the other services once: the supervisors, the complainant and the unit are notified from these
        SuspensionRequested requested = publishedOnce(cn, EventType.SUSPENSION_REQUESTED, SuspensionRequested.class);
        assertEquals(new UnitRef("SCJG", "SCJG"), requested.unit());
        assertEquals(5, requested.workingDays());
        assertEquals("等待投诉人补充营业执照申请材料", requested.reason());
        assertEquals("《工作规则》第十二条", requested.basis());
        assertEquals("handler-scjg", requested.requestedBy());
        CaseSuspended suspended = publishedOnce(cn, EventType.CASE_SUSPENDED, CaseSuspended.class);
        assertEquals(5, suspended.workingDays());
        assertEquals("等待投诉人补充营业执照申请材料", suspended.reason());
        assertEquals("supervisor1", suspended.approver());
        assertEquals(
                OffsetDateTime.parse(resumeBy).toInstant(), suspended.resumeBy().toInstant());
        CaseResumed resumedEvent = publishedOnce(cn, EventType.CASE_RESUMED, CaseResumed.class);
        assertEquals(paused, resumedEvent.pausedWorkingDays());
        assertEquals(before.toInstant(), resumedEvent.previousDeadline().toInstant());
        assertEquals(after.toInstant(), resumedEvent.newDeadline().toInstant());
        assertEquals("handler-scjg", resumedEvent.resumedBy());
        published(cn, EventType.SUSPENSION_REJECTED, 0);
    }

    @Test
    void shouldTellOfARejectedSuspensionAndResumeBySystemWhenTheApprovedTimeRunsOut() {
        String cn = N042;
        receivedAndRouted(cn, null, "SCJG", null);
        awaitFile(cn, SCJG);
        given().auth().oauth2(SCJG).post("/api/work-items/{cn}/sign", cn).then().statusCode(200);
        Map<String, Object> suspension = Map.of("reason", "等待第三方检测机构出具检测报告", "basis", "《工作规则》第十二条", "workingDays", 2);
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(suspension)
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(200);
        // a rejection without a reason is refused: the unit is told why
        given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("approve", false))
                .post("/api/work-items/{cn}/suspension/decision", cn)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("approve", false, "reason", "检测报告可在办理期限内取得"))
                .post("/api/work-items/{cn}/suspension/decision", cn)
                .then()
                .statusCode(200)
                .body("state", equalTo("REJECTED"));
        SuspensionRejected rejected = publishedOnce(cn, EventType.SUSPENSION_REJECTED, SuspensionRejected.class);
        assertEquals(new UnitRef("SCJG", "SCJG"), rejected.unit());
        assertEquals("检测报告可在办理期限内取得", rejected.reason());
        assertEquals("supervisor1", rejected.decidedBy());

        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(suspension)
                .post("/api/work-items/{cn}/suspension", cn)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/work-items/{cn}/suspension/decision", cn)
                .then()
                .statusCode(200)
                .body("state", equalTo("ACTIVE"));
        OffsetDateTime deadline = handlingDeadline(cn);
        // the approved working days ran out a minute ago
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update case_suspension set resume_by = now() - interval '1 minute'"
                        + " where case_number = ?1 and state = 'ACTIVE'")
                .setParameter(1, cn)
                .executeUpdate());
        suspensions.resumeExpired(OffsetDateTime.now());
        given().auth()
                .oauth2(SCJG)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .body("suspension.state", equalTo("ENDED"))
                .body("suspension.endedBy", equalTo("SYSTEM"));

        published(cn, EventType.SUSPENSION_REQUESTED, 2);
        assertEquals(
                "supervisor1",
                publishedOnce(cn, EventType.CASE_SUSPENDED, CaseSuspended.class).approver());
        CaseResumed resumed = publishedOnce(cn, EventType.CASE_RESUMED, CaseResumed.class);
        assertEquals("SYSTEM", resumed.resumedBy());
        assertEquals(0, resumed.pausedWorkingDays());
        assertEquals(deadline.toInstant(), resumed.previousDeadline().toInstant());
        assertEquals(deadline.toInstant(), resumed.newDeadline().toInstant());
    }

    private OffsetDateTime handlingDeadline(String cn) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object value = entityManager
                    .createNativeQuery("select handling_deadline from work_item where case_number = ?1")
                    .setParameter(1, cn)
                    .getSingleResult();
            return org.openysb.supervision.repository.SqlTime.of(value);
        });
    }

    @Test
    void shouldOfferVersionedReplyTemplatesToTheirUnitsOnly() {
        given().auth()
                .oauth2(SCJG)
                .queryParam("category", "MARKET_ENTRY")
                .get("/api/reply-templates")
                .then()
                .statusCode(200)
                .body("title", hasItems("已解决", "解释说明", "部分解决", "不予受理"));
        int id = given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("category", "MARKET_ENTRY", "unit", "SCJG", "title", "准入类已办结", "body", "您好！经核查，【情况】。"))
                .post("/api/reply-templates")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .extract()
                .path("id");
        given().auth()
                .oauth2(SCJG)
                .queryParam("category", "MARKET_ENTRY")
                .get("/api/reply-templates")
                .then()
                .body("title", hasItem("准入类已办结"));
        given().auth()
                .oauth2(TAX)
                .queryParam("category", "MARKET_ENTRY")
                .get("/api/reply-templates")
                .then()
                .body("title", not(hasItem("准入类已办结")));
        given().auth()
                .oauth2(SCJG)
                .queryParam("category", "TAX_FEES")
                .get("/api/reply-templates")
                .then()
                .body("title", not(hasItem("准入类已办结")));
        given().auth()
                .oauth2(SCJG)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "x", "body", "y"))
                .post("/api/reply-templates")
                .then()
                .statusCode(403);
        Map<String, Object> edit = Map.of("title", "准入类已办结", "body", "您好！经核查，【情况】。已办结。", "version", 1);
        given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/reply-templates/{id}", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
        given().auth()
                .oauth2(SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/reply-templates/{id}", id)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/reply-templates/{id}/versions", id)
                .then()
                .statusCode(200)
                .body("version", contains(2, 1))
                .body("body[1]", equalTo("您好！经核查，【情况】。"));
    }

    @Test
    void shouldLetTheCoordinatorActForAUnitWithoutAnAccount() {
        String coordinator = TestTokens.token("coordinator1", Set.of("coordinator"), List.of("YSB"));
        String cn = N051;
        receivedAndRouted(cn, null, "CZJ", null);
        awaitFile(cn, SUPERVISOR);
        given().auth()
                .oauth2(coordinator)
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("actingFor"));
        given().auth()
                .oauth2(coordinator)
                .queryParam("actingFor", "CZJ")
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(200)
                .body("viewerRole", equalTo("LEAD"))
                .body("actions", hasItem("sign"));
        given().auth()
                .oauth2(coordinator)
                .queryParam("actingFor", "CZJ")
                .queryParam("q", cn)
                .get("/api/work-items/queue")
                .then()
                .body("items.caseNumber", contains(cn));
        given().auth()
                .oauth2(coordinator)
                .queryParam("actingFor", "CZJ")
                .post("/api/work-items/{cn}/sign", cn)
                .then()
                .statusCode(200)
                .body("status", equalTo("SIGNED"));
        given().auth()
                .oauth2(coordinator)
                .queryParam("actingFor", "ZWFW")
                .contentType(ContentType.JSON)
                .body(Map.of("text", "政务服务中心协办意见：窗口已补正告知"))
                .post("/api/work-items/{cn}/co-unit-part", cn)
                .then()
                .statusCode(200)
                .body("outstandingCoUnits", hasSize(0));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .body("timeline.find { it.action == 'sign' }.actor", equalTo("coordinator1（代CZJ）"));
    }

    @Test
    void shouldListFollowUpsDueForTheHotline() {
        given().auth()
                .oauth2(OPERATOR)
                .get("/api/work-items/follow-ups-due")
                .then()
                .statusCode(200)
                .body("items", notNullValue())
                .body("total", greaterThanOrEqualTo(0));
        given().auth().oauth2(SCJG).get("/api/work-items/follow-ups-due").then().statusCode(403);
        given().auth()
                .oauth2(OPERATOR)
                .queryParam("size", 0)
                .get("/api/work-items/follow-ups-due")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(SCJG)
                .queryParam("size", 101)
                .get("/api/work-items/queue")
                .then()
                .statusCode(400)
                .body("errors", everyItem(notNullValue()));
    }
}
