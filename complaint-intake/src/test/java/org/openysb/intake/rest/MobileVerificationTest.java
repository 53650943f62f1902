package org.openysb.intake.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.openysb.intake.VerificationTokens;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;

/**
 * Mobile verification (手机号验证) of web complaints: a complaint that gives a mobile is accepted only with a token
 * signed for that mobile and not yet expired, or from a caller signed in with that number verified; otherwise 400
 * with a field error on {@code mobileVerification}, in Chinese and English.
 */
@QuarkusTest
class MobileVerificationTest {

    private static Map<String, Object> complaint(String mobile, String token) {
        Map<String, Object> body = new HashMap<>(personComplaint("手机号验证", "网上投诉须验证手机号。", "D01", mobile));
        if (token != null) {
            body.put("mobileVerification", token);
        }
        return body;
    }

    private static ExtractableResponse<Response> post(Map<String, Object> body, String bearer) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (bearer != null) {
            request = request.auth().oauth2(bearer);
        }
        return request.post("/api/complaints").then().extract();
    }

    private static void assertRefused(ExtractableResponse<Response> response) {
        assertEquals(400, response.statusCode(), response.asString());
        response.response()
                .then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:validation"))
                .body("errors[0].field", equalTo("mobileVerification"))
                .body("errors[0].message", equalTo("请先完成手机号验证"))
                .body("errors[0].messageEn", equalTo("verify the mobile number first"))
                .body("errors[0].rejectedValue", nullValue());
    }

    @Test
    void shouldAcceptAComplaintWithAValidTokenForItsMobile() {
        String mobile = newMobile();
        assertEquals(
                201,
                post(complaint(mobile, VerificationTokens.mobile(mobile)), null).statusCode());
    }

    @Test
    void shouldNotAcceptAComplaintWithoutToken() {
        assertRefused(post(complaint(newMobile(), null), null));
    }

    @Test
    void shouldNotAcceptATokenForAnotherMobile() {
        assertRefused(post(complaint(newMobile(), VerificationTokens.mobile(newMobile())), null));
    }

    @Test
    void shouldNotAcceptAnExpiredToken() {
        String mobile = newMobile();
        String expired = VerificationTokens.mobile(mobile, Instant.now().minus(Duration.ofSeconds(5)));
        assertRefused(post(complaint(mobile, expired), null));
    }

    @Test
    void shouldNotAcceptATamperedToken() {
        String mobile = newMobile();
        String token = VerificationTokens.mobile(mobile);
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        assertRefused(post(complaint(mobile, flipped), null));
        // a later expiry with the same signature
        long expiry = Long.parseLong(token.substring(0, token.indexOf('.')));
        assertRefused(post(complaint(mobile, (expiry + 3600) + token.substring(token.indexOf('.'))), null));
        // signed with another secret (the local-development default is not the test profile's)
        assertRefused(post(
                complaint(mobile, VerificationTokens.mobileSignedWith("local-dev-mobile-verification-secret", mobile)),
                null));
        assertRefused(post(complaint(mobile, "not-a-token"), null));
    }

    @Test
    void shouldAcceptASignedInCallerWhoseVerifiedPhoneIsTheMobileWithoutToken() {
        String mobile = newMobile();
        String bearer = VerificationTokens.withPhone("citizen-phone", "citizen", "+86 " + mobile, true);
        var response = post(complaint(mobile, null), bearer);
        assertEquals(201, response.statusCode(), response.asString());
        // and the case is theirs
        given().auth()
                .oauth2(bearer)
                .get("/api/complaints")
                .then()
                .statusCode(200)
                .body("caseNumber", org.hamcrest.Matchers.hasItem(response.<String>path("caseNumber")));
    }

    @Test
    void shouldNotAcceptASignedInCallerWhosePhoneIsUnverifiedOrAnother() {
        String mobile = newMobile();
        assertRefused(post(
                complaint(mobile, null), VerificationTokens.withPhone("citizen-unverified", "citizen", mobile, false)));
        assertRefused(post(
                complaint(mobile, null),
                VerificationTokens.withPhone("citizen-other-phone", "citizen", newMobile(), true)));
        assertRefused(post(complaint(mobile, null), TestTokens.token("citizen-no-phone", "citizen")));
    }

    @Test
    void shouldNotNeedATokenWithoutMobile() {
        var response = post(
                Map.of(
                        "type", "SUGGESTION",
                        "title", "建议延长窗口办理时间",
                        "content", "建议政务服务中心周六上午开放。",
                        "district", "D02",
                        "anonymous", true,
                        "complainant", Map.of("kind", "ANONYMOUS", "email", "someone@example.com")),
                null);
        assertEquals(201, response.statusCode(), response.asString());
    }

    @Test
    void shouldAskForTheTokenOfAnAnonymousComplainantWhoLeavesAMobile() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "type", "REPORT",
                "title", "匿名举报",
                "content", "匿名举报但留了手机号。",
                "district", "D03",
                "anonymous", true));
        String mobile = newMobile();
        body.put("complainant", Map.of("kind", "ANONYMOUS", "mobile", mobile));
        assertRefused(post(body, null));
        body.put("mobileVerification", VerificationTokens.mobile(mobile));
        assertEquals(201, post(body, null).statusCode());
    }
}
