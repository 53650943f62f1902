package org.openysb.intake.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.openysb.intake.VerificationTokens;
import org.openysb.intake.config.IntakeConfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.accepted;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;

/**
 * Tracking with the link of the receipt SMS ({@code ?token=}): a genuine unexpired token shows the case; a token not
 * signed for the case is the same 404 as a wrong query code and counts against the client; a genuine but expired one
 * is 410. Each test is its own client address (X-Forwarded-For from the loopback proxy).
 */
@QuarkusTest
class TrackingLinkTest {
    private static final AtomicInteger CLIENTS = new AtomicInteger((int) (System.nanoTime() % 200));
    private static final String UNKNOWN_CASE = "TS209901010001";

    @Inject
    IntakeConfig config;

    private static String newClient() {
        return "203.0.113." + (CLIENTS.incrementAndGet() % 250 + 1);
    }

    private static ExtractableResponse<Response> track(String client, String caseNumber, String param, String value) {
        return given().header("X-Forwarded-For", client)
                .queryParam(param, value)
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .extract();
    }

    private static String link(String caseNumber) {
        return VerificationTokens.tracking(caseNumber, Instant.now().plus(Duration.ofDays(180)));
    }

    private static String fileCase(String title) {
        return accepted(personComplaint(title, "查询链接测试。", "D02", newMobile())).path("caseNumber");
    }

    @Test
    void shouldShowTheCaseToTheHolderOfAGenuineLink() {
        String caseNumber = fileCase("查询链接");
        String body = track(newClient(), caseNumber, "token", link(caseNumber))
                .response()
                .then()
                .statusCode(200)
                .body("caseNumber", equalTo(caseNumber))
                .body("status", equalTo("RECEIVED"))
                .body("expectedReplyBy", nullValue())
                .body("reply", nullValue())
                .extract()
                .asString();
        assertFalse(body.contains("张三"), "no personal data: " + body);
    }

    @Test
    void shouldAnswerATokenOfAnotherCaseOrATamperedOneLikeAWrongQueryCode() {
        String caseNumber = fileCase("查询链接被篡改");
        String other = fileCase("另一件诉求");
        String client = newClient();
        String wrongCode = track(client, UNKNOWN_CASE, "queryCode", "000000").asString();
        String genuine = link(caseNumber);
        long expiry = Long.parseLong(genuine.substring(0, genuine.indexOf('.')));
        for (String token : new String[] {
            link(other),
            genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("0") ? "1" : "0"),
            (expiry + 86_400) + genuine.substring(genuine.indexOf('.')),
            VerificationTokens.sign(
                    "local-dev-tracking-link-secret", "track:" + caseNumber, Instant.ofEpochSecond(expiry)),
            "garbage"
        }) {
            var response = track(client, caseNumber, "token", token);
            assertEquals(404, response.statusCode(), token + ": " + response.asString());
            assertEquals(wrongCode, response.asString().replace(caseNumber, UNKNOWN_CASE), token);
        }
    }

    @Test
    void shouldCountBadTokensAgainstTheClientAndThenAnswer429WithRetryAfter() {
        String caseNumber = fileCase("查询链接猜测");
        String client = newClient();
        int limit = config.tracking().maxWrongCodes();
        for (int i = 0; i < limit; i++) {
            assertEquals(
                    404,
                    track(client, caseNumber, "token", "1" + i + ".00000000000000000000000000000000")
                            .statusCode());
        }
        var throttled = track(client, caseNumber, "token", link(caseNumber));
        assertEquals(429, throttled.statusCode(), throttled.asString());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(
                retryAfter > 0
                        && retryAfter <= config.tracking().wrongCodeWindow().toSeconds(),
                "Retry-After " + retryAfter);
    }

    @Test
    void shouldTellTheHolderOfAnExpiredLinkToUseTheQueryCode() {
        var receipt = accepted(personComplaint("过期的查询链接", "查询链接已过期。", "D03", newMobile()));
        String caseNumber = receipt.path("caseNumber");
        String client = newClient();
        String expired = VerificationTokens.tracking(caseNumber, Instant.now().minus(Duration.ofMinutes(1)));
        track(client, caseNumber, "token", expired)
                .response()
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:tracking-link-expired"))
                .body("title", equalTo("该查询链接已过期，请使用案件编号和查询码查询"))
                .body("caseNumber", nullValue());
        // an expired link is genuine: it is not counted as a guess
        for (int i = 0; i < config.tracking().maxWrongCodes(); i++) {
            assertEquals(410, track(client, caseNumber, "token", expired).statusCode());
        }
        assertEquals(
                200,
                track(client, caseNumber, "queryCode", receipt.path("queryCode"))
                        .statusCode());
    }
}
