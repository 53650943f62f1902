package org.openysb.e2e;

import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openysb.localstack.StackConfig;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thin slice through all four packaged services: a complaint filed on the web is stored and published by
 * complaint-intake, routed by case-routing to the unit the default matrix names, opened as a work item with a
 * sign-for deadline by supervision-service, and notification-service records a receipt for the complainant and a
 * new-case notice for the unit; the complainant sees the assigned unit through public tracking. Tokens come from
 * the real Keycloak with the project's realm.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedStack.class)
class ThinSliceIT {
    private static String caseNumber;
    private static String queryCode;

    private static StackConfig config;

    @BeforeAll
    static void stack() {
        config = SharedStack.config();
    }

    private static String url(String module) {
        return SharedStack.url(module);
    }

    private static String token(String username) {
        return SharedStack.token(username);
    }

    /**
     * The token notification-service issues after a correct SMS code (手机号验证), made here with the services'
     * local-development secret: {@code <expiry>.<first 32 hex digits of HMAC-SHA256(secret,
     * "mobile-verified:" + mobile + ":" + expiry)>}, valid 30 minutes.
     */
    private static String mobileVerification(String mobile) {
        long expiry = java.time.Instant.now().plus(Duration.ofMinutes(30)).getEpochSecond();
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    "local-dev-mobile-verification-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    ("mobile-verified:" + mobile + ":" + expiry).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return expiry + "." + java.util.HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void aCitizenFilesAComplaintAndGetsACaseNumberAndQueryCode() {
        ExtractableResponse<Response> receipt = given().auth()
                .oauth2(token("citizen1"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type", "COMPLAINT",
                        "title", "营业执照申请被反复驳回",
                        "content", "我想开一家奶茶店，网上申请营业执照被驳回两次，说经营范围填写不规范，企业开办一直办不下来。",
                        "district", "D01",
                        "complainant", Map.of("kind", "PERSON", "name", "张三", "mobile", "13812341234"),
                        "mobileVerification", mobileVerification("13812341234")))
                .post(url("complaint-intake") + "/api/complaints")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/complaints/TS"))
                .extract();
        caseNumber = receipt.path("caseNumber");
        queryCode = receipt.path("queryCode");
        assertTrue(queryCode.matches("\\d{6}"));
    }

    @Test
    @Order(2)
    void theComplainantSeesTheLeadUnitTheMatrixNamesThroughPublicTracking() {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().queryParam("queryCode", queryCode)
                        .get(url("complaint-intake") + "/api/complaints/{caseNumber}", caseNumber)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("DISPATCHED"))
                        .body("assignedUnit.code", equalTo("SCJG"))
                        .body("assignedUnit.name", equalTo("市市场监管局")));
        given().queryParam("queryCode", "000000".equals(queryCode) ? "111111" : "000000")
                .get(url("complaint-intake") + "/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(404);
    }

    @Test
    @Order(3)
    void routingRecordedTheDecisionWithMatrixVersionRowAndReason() {
        given().auth()
                .oauth2(token("dispatcher1"))
                .get(url("case-routing") + "/api/routing/cases/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("currentLead", equalTo("SCJG"))
                .body("decisions[0].matrixVersion", equalTo(1))
                .body("decisions[0].matrixRowId", notNullValue())
                .body("decisions[0].explanation", containsString("市市场监管局"));
    }

    @Test
    @Order(4)
    void theLeadUnitHasAWorkItemWithASignForDeadlineThatOtherUnitsCannotSee() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(token("handler-scjg"))
                .get(url("supervision-service") + "/api/work-items/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("leadUnit", equalTo("SCJG"))
                .body("status", equalTo("ASSIGNED"))
                .body("signForDeadline", containsString("T23:59:59.999+08:00")));
        given().auth()
                .oauth2(token("handler-tax"))
                .get(url("supervision-service") + "/api/work-items/{caseNumber}", caseNumber)
                .then()
                .statusCode(404);
        given().get(url("supervision-service") + "/api/work-items").then().statusCode(401);
    }

    @Test
    @Order(5)
    void notificationRecordedAReceiptForTheComplainantAndANewCaseNoticeForTheUnit() {
        String supervisor = token("supervisor1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(supervisor)
                .queryParam("caseNumber", caseNumber)
                .get(url("notification-service") + "/api/notifications")
                .then()
                .statusCode(200)
                .body("template", hasItems("receipt.sms", "new-case.inbox"))
                .body("find { it.template == 'receipt.sms' }.address", equalTo("138****1234")));
        given().auth()
                .oauth2(token("handler-scjg"))
                .get(url("notification-service") + "/api/inbox")
                .then()
                .statusCode(200)
                .body("caseNumber", hasItem(caseNumber));
    }

    @Test
    @Order(6)
    void whenTheUnitSignsForTheCaseTheComplainantSeesItInProgress() {
        given().auth()
                .oauth2(token("handler-scjg"))
                .post(url("supervision-service") + "/api/work-items/{caseNumber}/sign", caseNumber)
                .then()
                .statusCode(200)
                .body("status", equalTo("SIGNED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("queryCode", queryCode)
                .get(url("complaint-intake") + "/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("timeline.step", hasItem("CaseSigned")));
        given().auth()
                .oauth2(token("inspector1"))
                .get(url("supervision-service") + "/api/cases/{caseNumber}/trail", caseNumber)
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("steps.action", hasItems("open", "sign"));
    }

    @Test
    @Order(7)
    void theCallCentreSystemGetsATokenWithClientCredentials() {
        given().formParams(Map.of(
                        "client_id", "openysb-call-centre",
                        "client_secret", "local-dev-call-centre-secret",
                        "grant_type", "client_credentials"))
                .post(config.issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .body("access_token", notNullValue());
    }

    @Test
    @Order(8)
    void everyServiceReportsReadyWithDatabaseAndKafkaAndServesOpenApiAndMetrics() {
        for (StackConfig.Service service : config.services()) {
            given().get(service.url() + "/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(containsString("Database connections health check"))
                    .body(containsString("SmallRye Reactive Messaging"));
            given().get(service.url() + "/q/openapi?format=json").then().statusCode(200);
            given().get(service.url() + "/q/metrics").then().statusCode(200).body(containsString("outbox_backlog"));
        }
    }
}
