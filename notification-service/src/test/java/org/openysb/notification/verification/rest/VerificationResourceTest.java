package org.openysb.notification.verification.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.notification.TestClock;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 手机号验证 through the HTTP API: the code arrives at the SMS provider stub, the token it gives verifies under the
 * shared secret, and every refusal is the problem the portal expects. Each test uses its own numbers and its own client
 * address (X-Forwarded-For from the trusted 127.0.0.1), so that the limits of one do not touch another.
 */
@QuarkusTest
class VerificationResourceTest {
    private static final String SECRET = "local-dev-mobile-verification-secret";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");

    @Inject
    TestClock clock;

    static ValidatableResponse request(String client, String mobile) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(Map.of("mobile", mobile))
                .post("/api/verifications")
                .then();
    }

    static ValidatableResponse confirm(String mobile, String code) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("mobile", mobile, "code", code))
                .post("/api/verifications/confirm")
                .then();
    }

    /** The code in the latest SMS the provider accepted for this number. */
    static String lastCode(String mobile) {
        List<org.openysb.notification.sinks.SmsGatewayStub.Attempt> sent =
                LocalSinks.sms().sentTo(mobile);
        assertThat("an SMS reached the provider for " + mobile, sent, not(empty()));
        Matcher m = CODE.matcher(sent.get(sent.size() - 1).content());
        assertTrue(m.find(), "a 6-digit code in " + sent.get(sent.size() - 1).content());
        return m.group(1);
    }

    static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** complaint-intake's check of the token, computed here independently. */
    static String expectedToken(String mobile, long expiry) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of()
                .formatHex(mac.doFinal(("mobile-verified:" + mobile + ":" + expiry).getBytes(StandardCharsets.UTF_8)));
        return expiry + "." + hex.substring(0, 32);
    }

    @Test
    void shouldSendACodeWhoseConfirmationGivesATokenThatVerifiesWithTheSecret() throws Exception {
        String mobile = "13900000001";
        request("198.51.100.1", mobile)
                .statusCode(202)
                .body("resendAfterSeconds", equalTo(60))
                .body("codeLength", equalTo(6))
                .body("expiresAt", containsString("+08:00"));
        String sms = LocalSinks.sms().sentTo(mobile).get(0).content();
        assertThat(sms, startsWith("【营商环境投诉】您的验证码为"));
        assertThat(sms, containsString("5分钟内有效"));
        String code = lastCode(mobile);

        Instant before = clock.instant();
        String token = confirm(mobile, code)
                .statusCode(200)
                .body("token", matchesPattern("\\d+\\.[0-9a-f]{32}"))
                .body("expiresAt", containsString("+08:00"))
                .extract()
                .path("token");
        long expiry = Long.parseLong(token.substring(0, token.indexOf('.')));
        assertEquals(expectedToken(mobile, expiry), token, "signed with the shared secret for this number");
        long validFor = expiry - before.getEpochSecond();
        assertTrue(validFor > 29 * 60 && validFor <= 30 * 60 + 5, "valid 30 minutes, was " + validFor + " s");

        // single use
        confirm(mobile, code)
                .statusCode(410)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:openysb:problem:verification-code-expired"));
        // the delivery log proves the SMS went out without keeping the code or the number
        String log = given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("recipient", "mobile:139****0001")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].recipientKind", equalTo("MOBILE"))
                .body("[0].channel", equalTo("SMS"))
                .body("[0].status", equalTo("DELIVERED"))
                .body("[0].template", equalTo("verification-code.sms"))
                .body("[0].body", containsString("您的验证码为******"))
                .extract()
                .asString();
        assertThat(log, allOf(not(containsString(code)), not(containsString(mobile))));
        assertThat(LocalSinks.sms().rejected(), empty());
    }

    @Test
    void shouldCountWrongCodesAndRefuseTheCodeAfterFiveTries() {
        String mobile = "13900000002";
        request("198.51.100.2", mobile).statusCode(202);
        String code = lastCode(mobile);
        for (int remaining = 4; remaining >= 1; remaining--) {
            confirm(mobile, otherThan(code))
                    .statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("type", equalTo("urn:openysb:problem:verification-code-wrong"))
                    .body("remainingAttempts", equalTo(remaining))
                    .body("title", containsString("验证码不正确"));
        }
        // the fifth wrong try uses the code up; then even the right code is refused
        confirm(mobile, otherThan(code))
                .statusCode(410)
                .body("type", equalTo("urn:openysb:problem:verification-code-expired"))
                .body("title", equalTo("验证码已失效，请重新获取"));
        confirm(mobile, code).statusCode(410);
    }

    @Test
    void shouldRefuseAnExpiredCode() {
        String mobile = "13900000003";
        request("198.51.100.3", mobile).statusCode(202);
        String code = lastCode(mobile);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        confirm(mobile, code)
                .statusCode(410)
                .body("type", equalTo("urn:openysb:problem:verification-code-expired"))
                .body("detail", containsString("expired"));
    }

    @Test
    void shouldRefuseACodeForANumberThatWasSentNone() {
        confirm("13900000004", "123456").statusCode(410);
    }

    @Test
    void shouldMakeASecondRequestWithinSixtySecondsWaitAndOnlyTheLatestCodeCounts() {
        String mobile = "13900000005";
        request("198.51.100.5", mobile).statusCode(202);
        String first = lastCode(mobile);
        String retryAfter = request("198.51.100.5", mobile)
                .statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:openysb:problem:verification-rate-limited"))
                .body("title", containsString("过于频繁"))
                .extract()
                .header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertThat(seconds, allOf(greaterThan(0), lessThanOrEqualTo(60)));
        assertThat(LocalSinks.sms().sentTo(mobile), hasSize(1));

        clock.advance(Duration.ofSeconds(61));
        request("198.51.100.5", mobile).statusCode(202);
        String second = lastCode(mobile);
        if (!second.equals(first)) {
            confirm(mobile, first).statusCode(400); // superseded: compared with the latest code only
        }
        confirm(mobile, second).statusCode(200);
    }

    @Test
    void shouldSendOneNumberAtMostFiveCodesAnHour() {
        String mobile = "13900000006";
        for (int i = 0; i < 5; i++) {
            request("198.51.100.6", mobile).statusCode(202);
            clock.advance(Duration.ofSeconds(61));
        }
        String retryAfter = request("198.51.100.6", mobile)
                .statusCode(429)
                .body("type", equalTo("urn:openysb:problem:verification-rate-limited"))
                .body("detail", containsString("number"))
                .extract()
                .header("Retry-After");
        // the first code leaves the hour's window 3,600 s after it was sent, 5 × 61 s ago
        int seconds = Integer.parseInt(retryAfter);
        assertThat(seconds, allOf(greaterThan(3600 - 5 * 61 - 5), lessThanOrEqualTo(3600 - 5 * 61)));
        assertThat(LocalSinks.sms().sentTo(mobile), hasSize(5));
    }

    @Test
    void shouldSendOneNumberAtMostTenCodesADayWhoeverAsks() {
        String mobile = "13900000009";
        for (int i = 0; i < 10; i++) {
            request("198.51.100." + (20 + i), mobile).statusCode(202);
            clock.advance(Duration.ofMinutes(i % 5 == 4 ? 61 : 2));
        }
        // the hour's limit allows a code again, the day's does not: about 22 hours until the first leaves the day
        String retryAfter = request("198.51.100.40", mobile)
                .statusCode(429)
                .body("detail", containsString("number"))
                .extract()
                .header("Retry-After");
        assertThat(Integer.parseInt(retryAfter), greaterThan(20 * 3600));
        assertThat(LocalSinks.sms().sentTo(mobile), hasSize(10));
    }

    @Test
    void shouldLetOneClientAddressAskForAtMostTwentyCodesAnHour() {
        String client = "198.51.100.7";
        for (int i = 0; i < 20; i++) {
            request(client, String.format("139000071%02d", i)).statusCode(202);
        }
        request(client, "13900007120")
                .statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("detail", containsString("address"));
        assertThat(LocalSinks.sms().sentTo("13900007120"), empty());
        // another address is not affected
        request("198.51.100.8", "13900007120").statusCode(202);
    }

    @Test
    void shouldRefuseAnInvalidMobileOrCodeWithAFieldError() {
        request("198.51.100.9", "1390000000")
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("mobile"))
                .body("errors[0].message", equalTo("手机号码格式不正确（应为1开头的11位数字）"))
                .body("errors[0].messageEn", containsString("mobile"));
        request("198.51.100.9", "23900000009").statusCode(400).body("errors[0].field", equalTo("mobile"));
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/verifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("mobile"))
                .body("errors[0].message", equalTo("请填写手机号码"));
        given().contentType(ContentType.JSON).post("/api/verifications").then().statusCode(400);
        confirm("13900000009", "12345").statusCode(400).body("errors[0].field", equalTo("code"));
        assertThat(LocalSinks.sms().attemptsFor("1390000000"), empty());
    }

    @Test
    void shouldAnswer503WhenTheGatewayDoesNotTakeTheSmsAndLetTheUserAskAgainAtOnce() {
        String mobile = "13900000010";
        LocalSinks.sms().failFor(mobile);
        try {
            request("198.51.100.10", mobile)
                    .statusCode(503)
                    .contentType(containsString("application/problem+json"))
                    .body("type", equalTo("urn:openysb:problem:verification-sms-failed"))
                    .body("title", containsString("发送失败"));
        } finally {
            LocalSinks.sms().recover(mobile);
        }
        Number id = given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("recipient", "mobile:139****0010")
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("DEAD"))
                .body("[0].lastError", not(equalTo(null)))
                .extract()
                .path("[0].id");
        // a verification code is not sent again by an admin: the user asks for a new one
        given().auth()
                .oauth2(TestTokens.token("admin1", "admin"))
                .post("/api/admin/notifications/{id}/retry", id.longValue())
                .then()
                .statusCode(409);
        // the failed send does not count against the number
        request("198.51.100.10", mobile).statusCode(202);
        confirm(mobile, lastCode(mobile)).statusCode(200);
    }

    @Test
    void shouldTellTheTimeTheCodeExpires() {
        String mobile = "13900000011";
        OffsetDateTime before = OffsetDateTime.now(clock);
        String expiresAt =
                request("198.51.100.11", mobile).statusCode(202).extract().path("expiresAt");
        Duration validity = Duration.between(before, OffsetDateTime.parse(expiresAt));
        assertTrue(
                validity.compareTo(Duration.ofMinutes(5)) >= 0
                        && validity.compareTo(Duration.ofMinutes(5).plusSeconds(5)) <= 0,
                "expires 5 minutes after the request: " + validity);
    }
}
