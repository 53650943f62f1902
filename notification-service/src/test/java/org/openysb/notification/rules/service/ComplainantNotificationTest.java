package org.openysb.notification.rules.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.notification.ConsumedEvents;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.notification.sinks.SmsGatewayStub.Attempt;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.openysb.notification.Fixtures.SCJG;
import static org.openysb.notification.Fixtures.anonymousWithoutContact;
import static org.openysb.notification.Fixtures.complaint;
import static org.openysb.notification.Fixtures.mailsTo;
import static org.openysb.notification.Fixtures.person;
import static org.openysb.notification.Fixtures.publish;
import static org.openysb.notification.Fixtures.replied;
import static org.openysb.notification.Fixtures.routed;
import static org.openysb.notification.Fixtures.subject;
import static org.openysb.notification.Fixtures.text;

/** What the complainant is told, through the real SMTP server and the SMS provider stub, and the delivery log. */
@QuarkusTest
class ComplainantNotificationTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ConsumedEvents consumed;

    static ValidatableResponse log(String token, String caseNumber) {
        return given().auth()
                .oauth2(token)
                .queryParam("caseNumber", caseNumber)
                .get("/api/notifications")
                .then();
    }

    @Test
    void shouldSendTheReceiptBySmsAndEmailWithTheCaseNumber() throws Exception {
        String cn = "TS202611230101";
        String mobile = "13800230101";
        LocalSinks.intake().put(cn, "张三", mobile, "zhangsan@example.com");

        ComplaintSubmitted complaint = complaint(cn, person(cn, mobile), false);
        publish(EventType.COMPLAINT_SUBMITTED, cn, complaint);

        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 1);
        Attempt sms = LocalSinks.sms().sentTo(mobile).get(0);
        // the tracking link of the portal, valid 180 days from the receipt, with the token complaint-intake checks
        String link = "http://127.0.0.1:8080/track/" + cn + "?token="
                + trackingToken(cn, complaint.receivedAt().plusDays(180).toEpochSecond());
        assertThat(sms.content(), equalTo("【营商环境投诉】您的诉求已受理，案件编号" + cn + "。查询进度：" + link));
        assertThat(sms.signName(), equalTo("营商环境投诉"));
        assertThat(
                "at most two segments (67 characters each)",
                sms.content().codePointCount(0, sms.content().length()),
                lessThanOrEqualTo(2 * 67));

        await().atMost(WAIT).until(() -> mailsTo("zhangsan@example.com").size() == 1);
        MimeMessage mail = mailsTo("zhangsan@example.com").get(0);
        assertThat(subject(mail), equalTo("您的诉求已受理 " + cn));
        assertThat(
                text(mail), allOf(containsString("您提交的诉求已受理，案件编号 " + cn), containsString(link), containsString("查询码")));
        assertThat(mail.getFrom()[0].toString(), equalTo("noreply@openysb.example.org"));

        await().atMost(WAIT).untilAsserted(() -> log(SUPERVISOR, cn)
                .statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.channel == 'SMS' }.status", equalTo("DELIVERED"))
                .body("find { it.channel == 'SMS' }.address", equalTo("138****0101"))
                .body("find { it.channel == 'SMS' }.attempts", equalTo(1))
                .body("find { it.channel == 'SMS' }.recipientKind", equalTo("COMPLAINANT"))
                .body("find { it.channel == 'EMAIL' }.status", equalTo("DELIVERED"))
                .body("find { it.channel == 'EMAIL' }.address", equalTo("z***@example.com"))
                .body("find { it.channel == 'EMAIL' }.sentAt", not(equalTo(null))));
        // the proof that the complainant was told, without the complainant's contact points
        String body = log(SUPERVISOR, cn).extract().asString();
        assertThat(body, allOf(not(containsString(mobile)), not(containsString("zhangsan@example.com"))));
        assertThat(
                "requests with a bad signature, key or timestamp",
                LocalSinks.sms().rejected(),
                empty());
    }

    @Test
    void shouldTellTheComplainantTheUnitAndTheReplyWithAValidFollowUpLink() throws Exception {
        String cn = "TS202611230102";
        String mobile = "13800230102";
        LocalSinks.intake().put(cn, "李四", mobile, null); // no email: the email rows are skipped

        CloudEvent receipt = publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        // routing reacts to ComplaintSubmitted, so CaseRouted always comes after it
        await().atMost(WAIT).until(() -> consumed.consumed(receipt.id()));
        publish(EventType.CASE_ROUTED, cn, routed(cn, SCJG));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 2);
        publish(EventType.CASE_REPLIED, cn, replied(cn, SCJG, "经核查，窗口已按清单受理，不再要求补充材料。"));
        await().atMost(WAIT).until(() -> LocalSinks.sms().sentTo(mobile).size() == 3);

        List<String> texts =
                LocalSinks.sms().sentTo(mobile).stream().map(Attempt::content).toList();
        assertThat(texts.get(1), equalTo("【营商环境投诉】您的诉求" + cn + "已交办市市场监管局办理，请留意后续答复。"));
        // the portal's follow-up page, with the token supervision-service checks
        String link = "http://127.0.0.1:8080/rate/" + cn + "?token=" + followUpToken(cn);
        assertThat(texts.get(2), equalTo("【营商环境投诉】市市场监管局已答复您的诉求" + cn + "（已解释说明），请于2026年11月27日 23:59前查看答复并评价：" + link));

        await().atMost(WAIT).untilAsserted(() -> log(SUPERVISOR, cn)
                .statusCode(200)
                .body("findAll { it.channel == 'SMS' && it.status == 'DELIVERED' }", hasSize(3))
                .body("findAll { it.channel == 'EMAIL' && it.status == 'SKIPPED' }", hasSize(3))
                .body("find { it.template == 'replied.sms' }.body", containsString(link)));
    }

    @Test
    void shouldSendNothingTwiceWhenEventsAreDeliveredTwice() throws Exception {
        String cn = "TS202611230103";
        String mobile = "13800230103";
        String email = "wangwu@example.com";
        LocalSinks.intake().put(cn, "王五", mobile, email);

        CloudEvent receipt = publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        publish(receipt);
        await().atMost(WAIT).until(() -> consumed.consumed(receipt.id()));
        CloudEvent routedEvent = publish(EventType.CASE_ROUTED, cn, routed(cn, SCJG));
        publish(routedEvent);

        await().atMost(WAIT)
                .until(() -> LocalSinks.sms().sentTo(mobile).size() >= 2
                        && mailsTo(email).size() >= 2);
        // several dispatcher runs later, still one SMS and one email per event
        Thread.sleep(3_000);
        assertThat(LocalSinks.sms().sentTo(mobile), hasSize(2));
        assertThat(mailsTo(email), hasSize(2));
        assertThat(
                mailsTo(email).stream().map(m -> subject(m)).toList(),
                containsInAnyOrder("您的诉求已受理 " + cn, "您的诉求已交办 " + cn));
        log(SUPERVISOR, cn).body("$", hasSize(4)).body("findAll { it.status == 'DELIVERED' }", hasSize(4));
    }

    @Test
    void shouldTellAnAnonymousComplainantWithoutContactNothing() {
        String cn = "TS202611230104";
        CloudEvent receipt =
                publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, anonymousWithoutContact(cn), false));
        await().atMost(WAIT).until(() -> consumed.consumed(receipt.id()));
        CloudEvent routedEvent = publish(EventType.CASE_ROUTED, cn, routed(cn, SCJG));
        CloudEvent repliedEvent = publish(EventType.CASE_REPLIED, cn, replied(cn, SCJG, "已答复"));
        await().atMost(WAIT).until(() -> consumed.consumed(routedEvent.id()) && consumed.consumed(repliedEvent.id()));

        log(SUPERVISOR, cn).statusCode(200).body("$", hasSize(0));
        assertThat(LocalSinks.intake().lookups(), not(hasItem("complaint:" + cn)));
        assertThat(
                Arrays.stream(LocalSinks.mail().getReceivedMessages())
                        .map(m -> subject(m))
                        .filter(s -> s.contains(cn))
                        .toList(),
                empty());
    }

    @Test
    void shouldShowTheDeliveryLogToSupervisorsAndInspectorsOnly() {
        String cn = "TS202611230105";
        String mobile = "13800230105";
        LocalSinks.intake().put(cn, "赵六", mobile, null);
        publish(EventType.COMPLAINT_SUBMITTED, cn, complaint(cn, person(cn, mobile), false));
        await().atMost(WAIT).untilAsserted(() -> log(SUPERVISOR, cn)
                .statusCode(200)
                .body("find { it.channel == 'SMS' }.status", equalTo("DELIVERED")));

        log(TestTokens.token("inspector1", "inspector"), cn)
                .statusCode(200)
                .body("find { it.channel == 'SMS' }.status", equalTo("DELIVERED"))
                .body("find { it.channel == 'SMS' }.sentAt", not(equalTo(null)));
        log(TestTokens.token("admin1", "admin"), cn).statusCode(200).body("$", hasSize(2));
        log(TestTokens.handler("handler-scjg", "SCJG"), cn).statusCode(403);
        log(TestTokens.token("citizen1", "citizen"), cn).statusCode(403);
        given().queryParam("caseNumber", cn).get("/api/notifications").then().statusCode(401);
    }

    /** complaint-intake's check of the tracking link, computed here independently. */
    static String trackingToken(String caseNumber, long expiry) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-dev-tracking-link-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return expiry + "."
                + HexFormat.of()
                        .formatHex(mac.doFinal(("track:" + caseNumber + ":" + expiry).getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 32);
    }

    /** supervision-service's check of the link (FollowUpLinks), computed here independently. */
    static String followUpToken(String caseNumber) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-dev-follow-up-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of()
                .formatHex(mac.doFinal(("follow-up:" + caseNumber).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }
}
