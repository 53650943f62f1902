package org.openysb.intake.rest;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.openysb.intake.config.IntakeConfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openysb.intake.rest.Fixtures.accepted;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;

/**
 * Guessing query codes: after the configured number of wrong codes a client gets 429 for every tracking request;
 * before that a wrong code answers exactly like an unknown case. Each test is one client address (X-Forwarded-For,
 * believed from the loopback proxy as configured), so that no other test is throttled.
 */
@QuarkusTest
class QueryCodeThrottleTest {
    private static final AtomicInteger CLIENTS = new AtomicInteger((int) (System.nanoTime() % 200));
    private static final String UNKNOWN_CASE = "TS209901010001";

    @Inject
    IntakeConfig config;

    private static String newClient() {
        return "198.51.100." + (CLIENTS.incrementAndGet() % 250 + 1);
    }

    private static ExtractableResponse<Response> track(String client, String caseNumber, String queryCode) {
        return given().header("X-Forwarded-For", client)
                .queryParam("queryCode", queryCode)
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .extract();
    }

    private static String wrongCode(String right) {
        return "000000".equals(right) ? "111111" : "000000";
    }

    @Test
    void shouldThrottleAClientAfterTheConfiguredNumberOfWrongCodesAndAnswerWrongLikeUnknownUntilThen() {
        var receipt = accepted(personComplaint("查询码限流", "查询码猜测限流测试。", "D01", newMobile()));
        String caseNumber = receipt.path("caseNumber");
        String queryCode = receipt.path("queryCode");
        String client = newClient();
        int limit = config.tracking().maxWrongCodes();

        for (int i = 0; i < limit; i++) {
            boolean wrongCode = i % 2 == 0;
            var response =
                    wrongCode ? track(client, caseNumber, wrongCode(queryCode)) : track(client, UNKNOWN_CASE, "000000");
            assertEquals(404, response.statusCode(), "miss " + (i + 1) + " of " + limit + ": " + response.asString());
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
            assertEquals("urn:openysb:problem:case-not-found", response.path("type"));
            String normalised = response.asString().replace(caseNumber, UNKNOWN_CASE);
            if (wrongCode) {
                // the same answer as for the unknown case, byte for byte but for the echoed path
                var other = track(newClient(), UNKNOWN_CASE, "000000");
                assertEquals(other.asString(), normalised);
                assertEquals(other.headers().size(), response.headers().size());
            }
        }

        track(client, caseNumber, wrongCode(queryCode))
                .response()
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:openysb:problem:too-many-wrong-query-codes"))
                .body("title", containsString("查询码"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // once throttled, even the right code gets 429: a 200 would confirm a guess
        assertEquals(429, track(client, caseNumber, queryCode).statusCode());
        assertEquals(429, track(client, UNKNOWN_CASE, "000000").statusCode());
        // another client is not affected
        assertEquals(200, track(newClient(), caseNumber, queryCode).statusCode());
    }

    @Test
    void shouldNotCountRightCodesAgainstAClient() {
        var receipt = accepted(personComplaint("查询码正确不计数", "正确查询码不计入错误次数。", "D02", newMobile()));
        String client = newClient();
        for (int i = 0; i < config.tracking().maxWrongCodes() + 2; i++) {
            assertEquals(
                    200,
                    track(client, receipt.path("caseNumber"), receipt.path("queryCode"))
                            .statusCode());
        }
    }

    @Test
    void shouldThrottleByClientNotByCase() {
        String client = newClient();
        int limit = config.tracking().maxWrongCodes();
        // misses spread over many case numbers still add up
        for (int i = 0; i < limit; i++) {
            assertEquals(
                    404,
                    track(client, String.format("TS20990101%04d", i + 1), "123456")
                            .statusCode());
        }
        var receipt = accepted(personComplaint("跨案件猜测", "换案件编号猜测也受限。", "D03", newMobile()));
        assertEquals(
                429,
                track(client, receipt.path("caseNumber"), receipt.path("queryCode"))
                        .statusCode());
    }
}
