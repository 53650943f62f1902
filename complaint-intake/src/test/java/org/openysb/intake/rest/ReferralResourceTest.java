package org.openysb.intake.rest;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.submittedJson;

/** Referrals from the Letters and Visits Bureau (信访局) and deputies (人大代表) enter as their own channel, REFERRAL. */
@QuarkusTest
class ReferralResourceTest {
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 1000);
    private static final String REFERRED_AT = "2026-11-19T14:30:00+08:00";

    static String clerk() {
        return TestTokens.token("clerk1", "letter-clerk");
    }

    static Map<String, Object> referral(String reference, String bodyKind, String mobile) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", bodyKind);
        body.put("name", bodyKind.equals("DEPUTY") ? "市人大代表 李四" : "市信访局");
        Map<String, Object> complainant = new HashMap<>();
        complainant.put("kind", "PERSON");
        complainant.put("name", "钱七");
        complainant.put("mobile", mobile);
        Map<String, Object> referral = new HashMap<>();
        referral.put("referralReference", reference);
        referral.put("referringBody", body);
        referral.put("referredAt", REFERRED_AT);
        referral.put("type", "COMPLAINT");
        referral.put("title", "转办：企业反映社保补贴未兑现");
        referral.put("content", "信访人反映其企业符合稳岗补贴条件并已申报，至今六个月未到账，请求尽快兑现。");
        referral.put("district", "D03");
        referral.put("complainant", complainant);
        return referral;
    }

    static ExtractableResponse<Response> refer(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/referrals")
                .then()
                .extract();
    }

    static String nextReference() {
        return "XFJ-" + SEQUENCE.incrementAndGet();
    }

    @Test
    void shouldCreateAReferralCaseOnItsOwnChannelReceivedAtTheReferralTime() {
        String reference = nextReference();
        var response = refer(clerk(), referral(reference, "LETTERS_AND_VISITS_BUREAU", newMobile()));
        assertEquals(201, response.statusCode(), response.asString());
        String caseNumber = response.path("caseNumber");
        assertEquals(reference, response.path("reference"));
        assertEquals(
                OffsetDateTime.parse(REFERRED_AT).toInstant(),
                OffsetDateTime.parse(response.<String>path("receivedAt")).toInstant());
        String json = submittedJson(caseNumber);
        assertEquals(EventType.COMPLAINT_SUBMITTED, EventSchemas.assertValid(json));
        ComplaintSubmitted event = EventJson.read(json).dataAs(ComplaintSubmitted.class);
        assertEquals("REFERRAL", event.channel());
        assertEquals(
                OffsetDateTime.parse(REFERRED_AT).toInstant(),
                event.receivedAt().toInstant());
        assertTrue(event.complainant().maskedMobile().contains("****"));
    }

    @Test
    void shouldBeIdempotentOnTheReferringBodysReference() {
        String reference = nextReference();
        String mobile = newMobile();
        var first = refer(clerk(), referral(reference, "LETTERS_AND_VISITS_BUREAU", mobile));
        assertEquals(201, first.statusCode(), first.asString());
        var again = refer(clerk(), referral(reference, "LETTERS_AND_VISITS_BUREAU", mobile));
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.<String>path("caseNumber"), again.path("caseNumber"));
        assertEquals(first.<String>path("queryCode"), again.path("queryCode"));

        Map<String, Object> changed = referral(reference, "LETTERS_AND_VISITS_BUREAU", mobile);
        changed.put("title", "另一件事");
        var conflict = refer(clerk(), changed);
        assertEquals(409, conflict.statusCode(), conflict.asString());
        assertEquals("urn:openysb:problem:referral-reference-conflict", conflict.path("type"));

        // a deputy's reference lives in its own space: the same number is another referral
        var deputy = refer(clerk(), referral(reference, "DEPUTY", mobile));
        assertEquals(201, deputy.statusCode(), deputy.asString());
        assertNotEquals(first.<String>path("caseNumber"), deputy.path("caseNumber"));
        assertEquals("REFERRAL", Fixtures.submitted(deputy.path("caseNumber")).channel());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportFieldErrorsAndRefuseOtherRoles() {
        Map<String, Object> invalid = referral(nextReference(), "LETTERS_AND_VISITS_BUREAU", newMobile());
        invalid.remove("referringBody");
        invalid.remove("referredAt");
        var response = refer(clerk(), invalid);
        assertEquals(400, response.statusCode(), response.asString());
        List<String> fields = response.path("errors.field");
        assertTrue(fields.contains("referringBody"), fields.toString());
        assertTrue(fields.contains("referredAt"), fields.toString());

        Map<String, Object> unknownKind = referral(nextReference(), "LETTERS_AND_VISITS_BUREAU", newMobile());
        ((Map<String, Object>) unknownKind.get("referringBody")).put("kind", "NEWSPAPER");
        assertEquals(400, refer(clerk(), unknownKind).statusCode());

        Map<String, Object> future = referral(nextReference(), "DEPUTY", newMobile());
        future.put("referredAt", OffsetDateTime.now().plusDays(2).toString());
        var futureResponse = refer(clerk(), future);
        assertEquals(400, futureResponse.statusCode(), futureResponse.asString());
        assertEquals("referredAt", futureResponse.path("errors[0].field"));

        assertEquals(
                403,
                refer(TestTokens.token("citizen1", "citizen"), referral(nextReference(), "DEPUTY", newMobile()))
                        .statusCode());
        assertEquals(
                401,
                given().contentType(ContentType.JSON)
                        .body(referral(nextReference(), "DEPUTY", newMobile()))
                        .post("/api/referrals")
                        .statusCode());
    }
}
