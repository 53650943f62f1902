package org.openysb.supervision.rest;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.supervision.repository.WorkItemRepository;
import org.openysb.supervision.service.FollowUpLinks;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The complainant's follow-up page through the signed link: the reply, the rating once given, and its refusals. */
@QuarkusTest
class FollowUpTest {
    private static final String OPERATOR = TestTokens.token("operator1", "hotline-operator");

    @Inject
    FollowUpLinks links;

    @Inject
    WorkItemRepository workItems;

    ValidatableResponse view(String cn) {
        return given().queryParam("token", links.tokenFor(cn))
                .get("/api/follow-ups/{cn}", cn)
                .then();
    }

    ValidatableResponse rate(String cn, Map<String, Object> body) {
        return given().queryParam("token", links.tokenFor(cn))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/follow-ups/{cn}", cn)
                .then();
    }

    @Test
    void shouldShowTheReplyThenTheRatingAndRefuseASecondRating() {
        String cn = "TS202612079001";
        LifecycleTest.routedNow(cn);
        LifecycleTest.replied(cn);
        view(cn).statusCode(200)
                .body("unitName", equalTo("市人社局"))
                .body("replyResult", equalTo("EXPLAINED"))
                .body("replyText", equalTo("已向企业解释社保补缴政策。"))
                .body("repliedAt", containsString("+08:00"))
                .body("followUpDeadline", containsString("T23:59:59.999+08:00"))
                .body("rating", nullValue())
                .body("ratedAt", nullValue())
                .body("expired", equalTo(false));

        rate(cn, Map.of("rating", "BASICALLY_SATISFIED", "solved", true, "comment", "基本解决"))
                .statusCode(200)
                .body("rating", equalTo("BASICALLY_SATISFIED"))
                .body("solved", equalTo(true))
                .body("ratedAt", notNullValue())
                .body("status", equalTo("CLOSED"));
        view(cn).statusCode(200).body("rating", equalTo("BASICALLY_SATISFIED")).body("expired", equalTo(false));

        rate(cn, Map.of("rating", "DISSATISFIED", "solved", false))
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:openysb:problem:follow-up-already-recorded"))
                .body("title", equalTo("您已评价过该诉求，感谢您的反馈"));
        view(cn).body("rating", equalTo("BASICALLY_SATISFIED"));
    }

    @Test
    void shouldRefuseASecondRatingOfADissatisfiedCaseWaitingForTheSupervisor() {
        String cn = "TS202612079002";
        LifecycleTest.routedNow(cn);
        LifecycleTest.replied(cn);
        rate(cn, Map.of("rating", "DISSATISFIED", "solved", false))
                .statusCode(200)
                .body("status", equalTo("REPLIED"))
                .body("rating", equalTo("DISSATISFIED"));
        rate(cn, Map.of("rating", "SATISFIED", "solved", true))
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:follow-up-already-recorded"));
        // the hotline operator's phone follow-up is refused the same way
        LifecycleTest.post(
                OPERATOR, "/api/work-items/" + cn + "/follow-up", Map.of("rating", "SATISFIED", "solved", true), 409);
    }

    @Test
    void shouldRefuseARatingAfterTheFollowUpDeadline() {
        String cn = "TS202612079003";
        LifecycleTest.routedNow(cn);
        LifecycleTest.replied(cn);
        // the follow-up window (3 working days after the reply) has passed
        QuarkusTransaction.requiringNew()
                .run(() -> workItems.update(
                        "followUpDeadline = ?1, version = version + 1 where caseNumber = ?2",
                        OffsetDateTime.now().minusMinutes(1),
                        cn));
        view(cn).statusCode(200).body("expired", equalTo(true)).body("rating", nullValue());
        rate(cn, Map.of("rating", "SATISFIED", "solved", true))
                .statusCode(410)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:openysb:problem:follow-up-expired"))
                .body("title", containsString("评价期限已过"));
        LifecycleTest.post(
                OPERATOR, "/api/work-items/" + cn + "/follow-up", Map.of("rating", "SATISFIED", "solved", true), 410);
        view(cn).body("rating", nullValue());
    }

    @Test
    void shouldAnswerAWrongTokenOrAnUnknownCaseAlikeWith404() {
        given().queryParam("token", "0".repeat(32))
                .contentType(ContentType.JSON)
                .body(Map.of("rating", "SATISFIED"))
                .post("/api/follow-ups/{cn}", "TS202612079001")
                .then()
                .statusCode(404);
        given().queryParam("token", links.tokenFor("TS202612079999"))
                .get("/api/follow-ups/{cn}", "TS202612079999")
                .then()
                .statusCode(404);
    }
}
