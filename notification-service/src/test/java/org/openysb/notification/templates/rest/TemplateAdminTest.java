package org.openysb.notification.templates.rest;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.UnitRef;
import org.openysb.notification.ConsumedEvents;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.openysb.notification.Fixtures.SCJG;
import static org.openysb.notification.Fixtures.closed;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.opened;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.subject;
import static org.openysb.notification.Fixtures.text;

/** An admin edits the message templates: checked, versioned, previewed, and used by the next message. */
@QuarkusTest
class TemplateAdminTest {
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConsumedEvents consumed;

    static ValidatableResponse put(String token, String key, String locale, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .queryParam("locale", locale)
                .body(Map.of("body", body, "note", "测试修改"))
                .put("/api/admin/templates/{key}", key)
                .then();
    }

    static ValidatableResponse get(String key, String locale) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParam("locale", locale)
                .get("/api/admin/templates/{key}", key)
                .then();
    }

    @Test
    void shouldSendTheNextMessageWithTheEditedTemplateAndKeepEveryVersion() {
        String original = get("closed.sms", "zh-CN").statusCode(200).extract().path("body");
        try {
            put(ADMIN, "closed.sms", "zh-CN", "【营商环境投诉】{caseNumber}已办结。如仍有问题请拨打12345。")
                    .statusCode(200)
                    .body("version", equalTo(1))
                    .body("versions.version", contains(1, 0))
                    .body("versions[0].createdBy", equalTo("admin1"))
                    .body("versions[0].note", equalTo("测试修改"))
                    .body("versions[0].createdAt", startsWith("20"))
                    .body("versions[1].body", equalTo(original));

            String cn = "TS202611230801";
            String mobile = "13800230801";
            LocalSinks.intake().put(cn, "孙八", mobile, null);
            CloudEvent submitted = publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
            await().atMost(WAIT).until(() -> consumed.consumed(submitted.id()));
            publish(EventType.CASE_CLOSED, cn, closed(cn, SCJG));
            await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 2);
            assertThat(
                    LocalSinks.sms().sentTo(mobile).get(1).content(), equalTo("【营商环境投诉】" + cn + "已办结。如仍有问题请拨打12345。"));

            put(ADMIN, "closed.sms", "zh-CN", "【营商环境投诉】您的诉求{caseNumber}已办结，谢谢。")
                    .statusCode(200)
                    .body("version", equalTo(2))
                    .body("versions.version", contains(2, 1, 0));
            given().auth()
                    .oauth2(ADMIN)
                    .get("/api/admin/templates")
                    .then()
                    .statusCode(200)
                    .body("find { it.key == 'closed.sms' && it.locale == 'zh-CN' }.version", equalTo(2))
                    .body("find { it.key == 'closed.sms' && it.locale == 'zh-CN' }.source", equalTo("ADMIN"))
                    .body("find { it.key == 'closed.sms' && it.locale == 'zh-CN' }.updatedBy", equalTo("admin1"))
                    .body("find { it.key == 'receipt.sms' && it.locale == 'en' }.source", equalTo("FILE"))
                    .body("find { it.key == 'new-case.subject' && it.locale == 'zh-CN' }.version", equalTo(0))
                    .body("key", hasItems("receipt.email", "replied.sms", "overdue.inbox", "clue.subject"));
        } finally {
            put(ADMIN, "closed.sms", "zh-CN", original).statusCode(200);
        }
    }

    @Test
    void shouldRefuseATemplateThatDoesNotParseRenderOrFitItsChannel() {
        int before = get("routed.sms", "zh-CN").extract().path("version");
        // not Qute: an unterminated section
        put(ADMIN, "routed.sms", "zh-CN", "【营商环境投诉】{#if unitName}您的诉求{caseNumber}已交办")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("模板语法错误"));
        // a variable the message does not have (the query code is never in the events)
        put(ADMIN, "routed.sms", "zh-CN", "【营商环境投诉】您的诉求{caseNumber}已交办，查询码{queryCode}")
                .statusCode(400)
                .body("errors[0].messageEn", containsString("does not render with the sample data"));
        // longer than three concatenated segments with the sample data
        put(ADMIN, "routed.sms", "zh-CN", "【营商环境投诉】您的诉求{caseNumber}已交办{unitName}办理。" + "请留意后续答复。".repeat(30))
                .statusCode(400)
                .body("errors[0].message", containsString("超过3条"));
        put(ADMIN, "routed.sms", "zh-CN", "您的诉求{caseNumber}已交办{unitName}")
                .statusCode(400)
                .body("errors[0].message", containsString("签名"));
        put(ADMIN, "routed.sms", "fr", "【营商环境投诉】{caseNumber}").statusCode(400);
        put(ADMIN, "no-such.sms", "zh-CN", "【营商环境投诉】{caseNumber}").statusCode(404);
        // nothing was saved
        get("routed.sms", "zh-CN").statusCode(200).body("version", equalTo(before));
    }

    @Test
    void shouldRefuseAVerificationCodeTemplateThatDoesNotShowTheCode() {
        get("verification-code.sms", "en")
                .statusCode(200)
                .body("version", equalTo(0))
                .body("variables", contains("code", "minutes"))
                .body("body", containsString("{code}"));
        put(ADMIN, "verification-code.sms", "zh-CN", "【营商环境投诉】您的验证码{minutes}分钟内有效。")
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("{code}"));
        get("verification-code.sms", "zh-CN").statusCode(200).body("version", equalTo(0));
    }

    @Test
    void shouldPreviewADraftWithSampleDataWithoutSavingIt() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("body", "【营商环境投诉】您的诉求{caseNumber}已交办{unitName}。"))
                .post("/api/admin/templates/{key}/preview", "routed.sms")
                .then()
                .statusCode(200)
                .body("text", equalTo("【营商环境投诉】您的诉求TS202611220001已交办市市场监督管理局（市知识产权局）。"))
                .body("length", equalTo(46))
                .body("smsSegments", equalTo(1))
                .body("maxSegments", equalTo(3));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .queryParam("locale", "en")
                .body(Map.of("data", Map.of("caseNumber", "TS202611230000")))
                .post("/api/admin/templates/{key}/preview", "new-case.subject")
                .then()
                .statusCode(200)
                .body("text", equalTo("New case TS202611230000"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("body", "{caseNumber"))
                .post("/api/admin/templates/{key}/preview", "routed.sms")
                .then()
                .statusCode(400);
        get("routed.sms", "zh-CN").body("versions.version", contains(0));
    }

    @Test
    void shouldWriteToStaffInTheirLanguage() {
        UnitRef jtw = new UnitRef("JTW", "市交通运输委员会");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName", "Traffic desk",
                        "unitCode", "JTW",
                        "role", "handler",
                        "email", "jtw-desk@example.org",
                        "locale", "en"))
                .put("/api/admin/recipients/{u}", "handler-jtw")
                .then()
                .statusCode(201)
                .body("locale", equalTo("en"));
        String cn = "TS202611230802";
        publish(EventType.WORK_ITEM_OPENED, cn, opened(cn, jtw));
        await().atMost(WAIT).until(() -> mailsTo("jtw-desk@example.org").size() == 1);
        MimeMessage mail = mailsTo("jtw-desk@example.org").get(0);
        assertThat(subject(mail), equalTo("New case " + cn));
        assertThat(text(mail), startsWith("New case: " + cn + " (投诉) assigned to 市交通运输委员会 as lead unit."));
        // the unit's shared inbox stays in Chinese
        given().auth()
                .oauth2(TestTokens.handler("handler-jtw", "JTW"))
                .get("/api/inbox")
                .then()
                .statusCode(200)
                .body("find { it.caseNumber == '" + cn + "' }.body", startsWith("新派件：" + cn));
    }

    @Test
    void shouldShipTemplatesThatPassTheChecksOfAnEditInBothLanguages() {
        java.util.List<Map<String, Object>> all = given().auth()
                .oauth2(ADMIN)
                .get("/api/admin/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(all.size(), org.hamcrest.Matchers.greaterThan(60));
        for (Map<String, Object> t : all) {
            ValidatableResponse preview = given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .queryParam("locale", t.get("locale"))
                    .body(Map.of())
                    .post("/api/admin/templates/{key}/preview", t.get("key"))
                    .then();
            preview.statusCode(200);
            if ("sms".equals(t.get("channel"))) {
                // within the provider's length rule with the (long) sample data: nothing is trimmed in real sends
                preview.body("smsSegments", org.hamcrest.Matchers.lessThanOrEqualTo(3))
                        .body("text", startsWith("【营商环境投诉】"));
            }
        }
        get("routed.email", "zh-CN").statusCode(200).body("body", startsWith("【营商环境投诉】您的诉求{caseNumber}已交办"));
    }

    @Test
    void shouldLetOnlyAdminsSeeOrChangeTemplates() {
        String supervisor = TestTokens.token("supervisor1", "supervisor");
        given().auth().oauth2(supervisor).get("/api/admin/templates").then().statusCode(403);
        given().auth()
                .oauth2(supervisor)
                .get("/api/admin/templates/receipt.sms")
                .then()
                .statusCode(403);
        put(supervisor, "receipt.sms", "zh-CN", "【营商环境投诉】{caseNumber}").statusCode(403);
        put(TestTokens.handler("handler-scjg", "SCJG"), "receipt.sms", "zh-CN", "【营商环境投诉】{caseNumber}")
                .statusCode(403);
        given().auth()
                .oauth2(supervisor)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/admin/templates/receipt.sms/preview")
                .then()
                .statusCode(403);
        given().get("/api/admin/templates").then().statusCode(401);
        get("receipt.sms", "zh-CN").statusCode(200).body("variables", hasItem("caseNumber"));
        get("nope.sms", "zh-CN").statusCode(404);
    }
}
