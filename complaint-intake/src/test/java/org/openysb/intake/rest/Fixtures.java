package org.openysb.intake.rest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.intake.VerificationTokens;
import org.openysb.intake.model.PersonalData;
import org.openysb.testsupport.Topics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test data with personal identifiers of its own, so that no two tests share a complainant by accident. */
final class Fixtures {
    private Fixtures() {}

    /** A valid mainland mobile number nobody else in the suite uses ({@code 15…}). */
    static String newMobile() {
        return "15" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** A resident ID number with a valid GB 11643-1999 check character. */
    static String newIdNumber() {
        String body = "11010519850307"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        for (char check : "0123456789X".toCharArray()) {
            if (PersonalData.isValidIdNumber(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no check character for " + body);
    }

    /** A named citizen's complaint. */
    static Map<String, Object> personComplaint(String title, String content, String district, String mobile) {
        Map<String, Object> complainant = new HashMap<>();
        complainant.put("kind", "PERSON");
        complainant.put("name", "张三");
        complainant.put("mobile", mobile);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COMPLAINT");
        body.put("title", title);
        body.put("content", content);
        body.put("district", district);
        body.put("complainant", complainant);
        return body;
    }

    /** The body with {@code mobileVerification} for the mobile its complainant gives (unchanged without one). */
    static Map<String, Object> verified(Map<String, Object> body) {
        Object complainant = body.get("complainant");
        if (!(complainant instanceof Map<?, ?> who) || !(who.get("mobile") instanceof String mobile)) {
            return body;
        }
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("mobileVerification", VerificationTokens.mobile(mobile));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> complainantOf(Map<String, Object> complaint) {
        return (Map<String, Object>) complaint.get("complainant");
    }

    /**
     * Files a web complaint as the portal does: with the mobile verification token for the complainant's mobile (if
     * it gives one), made with the test profile's secret; a token the body carries is replaced.
     */
    static ExtractableResponse<Response> submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(verified(body))
                .post("/api/complaints")
                .then()
                .extract();
    }

    /** Files a complaint that must be accepted; returns its receipt. */
    static ExtractableResponse<Response> accepted(Map<String, Object> body) {
        var response = submit(body);
        assertEquals(201, response.statusCode(), response.asString());
        return response;
    }

    /** The ComplaintSubmitted event of a case as it is on ysb.complaints, in its raw JSON form. */
    static String submittedJson(String caseNumber) {
        List<ConsumerRecord<String, String>> records = Topics.await(
                "ysb.complaints", caseNumber, v -> v.contains("ComplaintSubmitted"), 1, Duration.ofSeconds(30));
        assertTrue(!records.isEmpty(), "ComplaintSubmitted of " + caseNumber + " on ysb.complaints");
        return records.get(0).value();
    }

    static ComplaintSubmitted submitted(String caseNumber) {
        return EventJson.read(submittedJson(caseNumber)).dataAs(ComplaintSubmitted.class);
    }
}
