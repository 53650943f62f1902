package org.openysb.notification.rules.service;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseResumed;
import org.openysb.contracts.events.CaseSuspended;
import org.openysb.contracts.events.SuspensionRejected;
import org.openysb.contracts.events.SuspensionRequested;
import org.openysb.notification.ConsumedEvents;
import org.openysb.notification.TestClock;
import org.openysb.notification.delivery.service.QuietHoursTest;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.notification.sinks.SmsGatewayStub.Attempt;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.openysb.notification.Fixtures.SCJG;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.subject;

/**
 * 中止: supervisors are asked to decide a request; the complainant learns that the case is suspended (until when at
 * most) and that it resumed (the new deadline); the unit learns the decision and the resumption.
 */
@QuarkusTest
class SuspensionNoticesTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String HANDLER_SCJG = TestTokens.handler("handler-scjg", "SCJG");
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AWAITED = "等待投诉人补充营业执照申请材料";
    private static final OffsetDateTime RESUME_BY = OffsetDateTime.parse("2026-12-04T23:59:00+08:00");
    private static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2026-12-11T23:59:00+08:00");
    private static final OffsetDateTime MOVED = OffsetDateTime.parse("2026-12-16T23:59:00+08:00");

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

    static ValidatableResponse log(String caseNumber) {
        return given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("caseNumber", caseNumber)
                .get("/api/notifications")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse inbox(String token) {
        return given().auth().oauth2(token).get("/api/inbox").then().statusCode(200);
    }

    /** The in-app message of one template about one case, as a GPath expression. */
    static String message(String caseNumber, String template) {
        return "find { it.caseNumber == '" + caseNumber + "' && it.template == '" + template + "' }";
    }

    static CaseSuspended suspended(String caseNumber) {
        return new CaseSuspended(
                caseNumber, SCJG, 5, AWAITED, "《工作规则》第十二条", RESUME_BY, "supervisor1", OffsetDateTime.now());
    }

    static CaseResumed resumed(String caseNumber, String by) {
        return new CaseResumed(caseNumber, SCJG, 3, DEADLINE, MOVED, by, OffsetDateTime.now());
    }

    @Test
    void shouldAskTheSupervisorsToDecideASuspensionRequest() {
        String cn = "TS202611231001";
        publish(
                EventType.SUSPENSION_REQUESTED,
                cn,
                new SuspensionRequested(cn, SCJG, 5, AWAITED, "《工作规则》第十二条", "handler-scjg", OffsetDateTime.now()));

        await().atMost(WAIT).untilAsserted(() -> inbox(SUPERVISOR)
                .body(message(cn, "suspension-requested.inbox") + ".subject", equalTo("中止申请待审批 " + cn))
                .body(
                        message(cn, "suspension-requested.inbox") + ".body",
                        equalTo("中止申请待审批：市市场监管局申请将" + cn + "中止办理，最长5个工作日。理由：" + AWAITED + "；依据：《工作规则》第十二条")));
        await().atMost(WAIT).until(() -> mailsTo("supervisor1@example.org").stream()
                .anyMatch(m -> subject(m).equals("中止申请待审批 " + cn)));
        // the request is the unit's own: nothing for the unit, nothing for the complainant
        log(cn).body("recipientKind", everyItem(equalTo("PERSON")));
    }

    @Test
    void shouldTellTheComplainantAndTheUnitThatTheCaseIsSuspendedAndThatItResumed() {
        String cn = "TS202611231002";
        String mobile = "13800231002";
        String email = "qianer@example.com";
        LocalSinks.intake().put(cn, "钱二", mobile, email);
        CloudEvent receipt = publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        await().atMost(WAIT).until(() -> consumed.consumed(receipt.id()));

        publish(EventType.CASE_SUSPENDED, cn, suspended(cn));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 2);
        String text = LocalSinks.sms().sentTo(mobile).get(1).content();
        assertThat(text, equalTo("【营商环境投诉】您的诉求" + cn + "因" + AWAITED + "中止办理，中止期间不计入办理期限，最迟于2026年12月4日 23:59恢复办理。"));
        assertThat("at most two segments", text.codePointCount(0, text.length()), lessThanOrEqualTo(2 * 67));
        await().atMost(WAIT)
                .until(() -> mailsTo(email).stream().anyMatch(m -> subject(m).equals("您的诉求已中止办理 " + cn)));
        await().atMost(WAIT).untilAsserted(() -> inbox(HANDLER_SCJG)
                .body(message(cn, "suspension-decided.inbox") + ".subject", equalTo("中止已批准 " + cn))
                .body(
                        message(cn, "suspension-decided.inbox") + ".body",
                        equalTo("中止已批准：" + cn + "中止办理5个工作日，期间办理期限暂停计算，最迟于2026年12月4日 23:59自动恢复办理；"
                                + "收到所等待的答复后请及时恢复办理。")));
        await().atMost(WAIT).until(() -> mailsTo("handler-scjg@example.org").stream()
                .anyMatch(m -> subject(m).equals("中止已批准 " + cn)));

        publish(EventType.CASE_RESUMED, cn, resumed(cn, "handler-scjg"));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 3);
        assertThat(
                LocalSinks.sms().sentTo(mobile).get(2).content(),
                equalTo("【营商环境投诉】您的诉求" + cn + "已恢复办理，办理期限顺延至2026年12月16日 23:59。"));
        await().atMost(WAIT)
                .until(() -> mailsTo(email).stream().anyMatch(m -> subject(m).equals("您的诉求已恢复办理 " + cn)));
        await().atMost(WAIT).untilAsserted(() -> inbox(HANDLER_SCJG)
                .body(message(cn, "resumed.inbox") + ".subject", equalTo("恢复办理 " + cn))
                .body(
                        message(cn, "resumed.inbox") + ".body",
                        equalTo("恢复办理：" + cn + "已恢复办理，中止3个工作日不计入办理期限，"
                                + "办理期限由2026年12月11日 23:59顺延至2026年12月16日 23:59。")));

        // the proof that the complainant was told, each message once
        await().atMost(WAIT).untilAsserted(() -> log(cn).body(
                        "findAll { it.recipientKind == 'COMPLAINANT' && it.template.startsWith('suspended.') }"
                                + ".status",
                        equalTo(List.of("DELIVERED", "DELIVERED")))
                .body(
                        "findAll { it.recipientKind == 'COMPLAINANT' && it.template.startsWith('resumed.') }"
                                + ".status",
                        equalTo(List.of("DELIVERED", "DELIVERED"))));
        assertThat(LocalSinks.sms().sentTo(mobile), hasSize(3));
    }

    @Test
    void shouldTellOnlyTheUnitThatASuspensionWasRefusedWithTheReasonIfAny() {
        String cn = "TS202611231003";
        String without = "TS202611231004";
        publish(
                EventType.SUSPENSION_REJECTED,
                cn,
                new SuspensionRejected(cn, SCJG, "所等待的材料可由部门间共享获取，不属于中止情形", "supervisor1", OffsetDateTime.now()));
        publish(
                EventType.SUSPENSION_REJECTED,
                without,
                new SuspensionRejected(without, SCJG, null, "supervisor1", OffsetDateTime.now()));

        await().atMost(WAIT).untilAsserted(() -> inbox(HANDLER_SCJG)
                .body(message(cn, "suspension-decided.inbox") + ".subject", equalTo("中止未批准 " + cn))
                .body(
                        message(cn, "suspension-decided.inbox") + ".body",
                        equalTo("中止未批准：" + cn + "继续办理，办理期限照常计算。理由：所等待的材料可由部门间共享获取，不属于中止情形"))
                .body(
                        message(without, "suspension-decided.inbox") + ".body",
                        equalTo("中止未批准：" + without + "继续办理，办理期限照常计算。")));
        log(cn).body("recipientKind", not(hasItem("COMPLAINANT")));
        log(without).body("recipientKind", not(hasItem("COMPLAINANT")));
    }

    @Test
    void shouldHoldBackTheResumptionSmsAtNightUntilEightButTellTheUnitAtOnce() {
        String cn = "TS202611231005";
        String mobile = "13800231005";
        LocalSinks.intake().put(cn, "孙三", mobile, null);
        CloudEvent receipt = publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 1);
        await().atMost(WAIT).until(() -> consumed.consumed(receipt.id()));

        ZonedDateTime night = clock.travelToNext(LocalTime.of(23, 0));
        OffsetDateTime eight = QuietHoursTest.eightAfter(night);
        // the approved days ran out: the system resumed the case
        CloudEvent event = publish(EventType.CASE_RESUMED, cn, resumed(cn, "SYSTEM"));
        await().atMost(WAIT).until(() -> consumed.consumed(event.id()));
        log(cn).body(QuietHoursTest.sms("resumed.sms") + ".status", equalTo("PENDING"))
                .body(QuietHoursTest.sms("resumed.sms") + ".attempts", equalTo(0));
        assertThat(QuietHoursTest.time(cn, "resumed.sms", "nextAttemptAt").toInstant(), equalTo(eight.toInstant()));
        inbox(HANDLER_SCJG).body(message(cn, "resumed.inbox") + ".body", startsWith("恢复办理：" + cn + "中止期满，已自动恢复办理，"));

        clock.travelToNext(LocalTime.of(8, 0));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 2);
        Attempt sms = LocalSinks.sms().sentTo(mobile).get(1);
        assertThat(sms.content(), startsWith("【营商环境投诉】您的诉求" + cn + "已恢复办理"));
        await().atMost(WAIT)
                .untilAsserted(() -> log(cn).body(QuietHoursTest.sms("resumed.sms") + ".status", equalTo("DELIVERED")));
        assertThat(
                QuietHoursTest.time(cn, "resumed.sms", "sentAt").toInstant(), greaterThanOrEqualTo(eight.toInstant()));
    }

    @Test
    void shouldShipEveryTemplateInChineseAndEnglishRenderingWithItsSampleData() {
        for (String key : List.of(
                "suspension-requested.inbox",
                "suspension-requested.subject",
                "suspended.sms",
                "suspended.subject",
                "suspension-decided.inbox",
                "suspension-decided.subject",
                "resumed.sms",
                "resumed.inbox",
                "resumed.subject")) {
            for (String locale : List.of("zh-CN", "en")) {
                given().auth()
                        .oauth2(ADMIN)
                        .queryParam("locale", locale)
                        .get("/api/admin/templates/{key}", key)
                        .then()
                        .statusCode(200)
                        .body("version", equalTo(0));
                given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .queryParam("locale", locale)
                        .body("{}")
                        .post("/api/admin/templates/{key}/preview", key)
                        .then()
                        .statusCode(200)
                        .body("text", containsString("TS202611220001"));
            }
        }
        // the complainant's emails are the SMS texts
        given().auth()
                .oauth2(ADMIN)
                .get("/api/admin/templates")
                .then()
                .body(
                        "findAll { (it.key.startsWith('suspen') || it.key.startsWith('resumed'))"
                                + " && !it.key.endsWith('.email') }.source",
                        everyItem(equalTo("FILE")))
                .body("findAll { it.key in ['suspended.email', 'resumed.email'] }.source", hasSize(4))
                .body(
                        "findAll { it.key in ['suspended.email', 'resumed.email'] }.source",
                        everyItem(equalTo("FALLBACK_SMS")));
    }
}
