package org.openysb.intake.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.intake.VerificationTokens;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;
import org.openysb.testsupport.Topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
public class ComplaintResourceTest {

    /** A valid enterprise complaint with the mobile verification token for its mobile (made now). */
    public static Map<String, Object> validComplaint() {
        return Map.of(
                "mobileVerification", VerificationTokens.mobile("13812341234"),
                "type", "COMPLAINT",
                "title", "企业开办营业执照办理超时",
                "content", "我公司在政务服务中心申请营业执照，材料齐全，承诺3个工作日办结，已过去10个工作日仍未办好。",
                "district", "D01",
                "complainant",
                        Map.of(
                                "kind", "ENTERPRISE",
                                "name", "某某科技有限公司",
                                "mobile", "13812341234",
                                "creditCode", "91350100M000100Y43",
                                "contactPerson", "李四"));
    }

    static ExtractableResponse<Response> submit(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/complaints")
                .then()
                .extract();
    }

    @Test
    void shouldAcceptAComplaintWithLocationCaseNumberAndQueryCode() {
        var response = submit(validComplaint());
        assertEquals(201, response.statusCode());
        String caseNumber = response.path("caseNumber");
        assertEquals(true, caseNumber.matches("TS\\d{12}"), caseNumber);
        assertEquals(true, response.<String>path("queryCode").matches("\\d{6}"));
        assertEquals(true, response.header("Location").endsWith("/api/complaints/" + caseNumber));
    }

    @Test
    void shouldGiveSortableUniqueCaseNumbers() {
        String first = submit(validComplaint()).path("caseNumber");
        String second = submit(validComplaint()).path("caseNumber");
        assertEquals(true, second.compareTo(first) > 0, first + " then " + second);
    }

    @Test
    void shouldPublishComplaintSubmittedThatMatchesItsSchemaAndHidesPersonalData() {
        String caseNumber = submit(validComplaint()).path("caseNumber");
        List<ConsumerRecord<String, String>> records = Topics.await(
                "ysb.complaints", caseNumber, v -> v.contains("ComplaintSubmitted"), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one ComplaintSubmitted keyed by the case number");
        String json = records.get(0).value();
        assertEquals(EventType.COMPLAINT_SUBMITTED, EventSchemas.assertValid(json));
        assertFalse(json.contains("13812341234"), "the mobile number never goes out in clear");
        assertFalse(json.contains("91350100M000100Y43") && json.contains("\"confidential\":true"));
        assertEquals(true, json.contains("138****1234"));
    }

    @Test
    void shouldAcceptAnAnonymousComplaintWithoutComplainant() {
        var response = submit(Map.of(
                "type", "REPORT",
                "title", "执法检查吃拿卡要",
                "content", "执法人员检查时暗示要好处费。",
                "district", "D02",
                "anonymous", true));
        assertEquals(201, response.statusCode());
    }

    @Test
    void shouldNotAcceptAMissingBody() {
        given().contentType(ContentType.JSON)
                .post("/api/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue());
    }

    @Test
    void shouldNotAcceptMalformedJson() {
        given().contentType(ContentType.JSON)
                .body("{\"type\": ")
                .post("/api/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:malformed-body"));
    }

    @Test
    void shouldNotAcceptInvalidFieldsAndNameEachOneInChineseAndEnglish() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "type", "COMPLAINT",
                        "title", "",
                        "content", "内容",
                        "district", "D01",
                        "complainant",
                                Map.of(
                                        "kind", "ENTERPRISE",
                                        "name", "某公司",
                                        "mobile", "12345",
                                        "creditCode", "91350100M000100Y44",
                                        "idNumber", "110105194912310021")))
                .post("/api/complaints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:validation"))
                .body(
                        "errors.field",
                        hasItems("title", "complainant.mobile", "complainant.creditCode", "complainant.idNumber"))
                .body("errors.find { it.field == 'complainant.creditCode' }.message", containsString("统一社会信用代码"))
                .body("errors.find { it.field == 'complainant.creditCode' }.messageEn", containsString("credit code"))
                .body("errors.find { it.field == 'complainant.mobile' }.message", containsString("手机号码"))
                .body("stackTrace", nullValue());
    }

    @Test
    void shouldNotAcceptAnUnknownDistrict() {
        var body = new java.util.HashMap<>(validComplaint());
        body.put("district", "D99");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/complaints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("district"))
                .body("errors[0].rejectedValue", equalTo("D99"));
    }

    @Test
    void shouldNotAcceptANamedComplaintWithoutComplainant() {
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "INQUIRY", "title", "咨询", "content", "咨询开办企业流程", "district", "D01"))
                .post("/api/complaints")
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("诉求人")));
    }

    @Test
    void shouldTrackACaseWithItsQueryCode() {
        var receipt = submit(validComplaint());
        String caseNumber = receipt.path("caseNumber");
        String body = given().queryParam("queryCode", receipt.<String>path("queryCode"))
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("caseNumber", equalTo(caseNumber))
                .body("status", equalTo("RECEIVED"))
                .body("statusName", equalTo("已受理"))
                .body("timeline", hasSize(1))
                .body("complainant", nullValue())
                .extract()
                .asString();
        assertFalse(body.contains("1381234") || body.contains("李四"), "no personal data in tracking: " + body);
    }

    @Test
    void shouldNotTellAWrongQueryCodeFromAnUnknownCase() {
        var receipt = submit(validComplaint());
        String caseNumber = receipt.path("caseNumber");
        String wrong = given().queryParam("queryCode", "000000".equals(receipt.path("queryCode")) ? "111111" : "000000")
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        String unknown = given().queryParam("queryCode", "000000")
                .get("/api/complaints/{caseNumber}", "TS209901010001")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(
                wrong.replace(caseNumber, "TS209901010001"),
                unknown,
                "the two answers differ only by the path they echo");
    }

    @Test
    void shouldListOnlyTheLoggedInComplainantsOwnCases() {
        String token = TestTokens.token("citizen-list", "citizen");
        String caseNumber = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(validComplaint())
                .post("/api/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("caseNumber");
        given().auth()
                .oauth2(token)
                .get("/api/complaints")
                .then()
                .statusCode(200)
                .body("caseNumber", equalTo(List.of(caseNumber)));
        given().auth()
                .oauth2(TestTokens.token("citizen-other", "citizen"))
                .get("/api/complaints")
                .then()
                .statusCode(200)
                .body("$", empty());
    }

    @Test
    void shouldNotListCasesWithoutAToken() {
        given().get("/api/complaints").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldNotListCasesForAHandler() {
        given().auth()
                .oauth2(TestTokens.handler("handler-x", "SCJG"))
                .get("/api/complaints")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void caseNumbersLookRight() {
        String caseNumber = submit(validComplaint()).path("caseNumber");
        org.hamcrest.MatcherAssert.assertThat(caseNumber, matchesPattern("TS20\\d{10}"));
    }
}
