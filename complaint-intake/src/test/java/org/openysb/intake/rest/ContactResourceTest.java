package org.openysb.intake.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openysb.intake.rest.Fixtures.accepted;
import static org.openysb.intake.rest.Fixtures.complainantOf;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;
import static org.openysb.intake.rest.Fixtures.submitted;

/** The opaque complainant reference of ComplaintSubmitted resolves to clear contact details for notifier only. */
@QuarkusTest
class ContactResourceTest {

    /** notification-service's client-credentials token. */
    static String notifier() {
        return TestTokens.token("service-account-openysb-notifier", "notifier");
    }

    @Test
    void shouldResolveTheReferenceOfTheEventToTheClearContactForTheNotifier() {
        String mobile = newMobile();
        Map<String, Object> body = personComplaint("物业维修基金使用不透明", "小区物业维修基金使用情况不公开。", "D02", mobile);
        complainantOf(body).put("email", "li@example.cn");
        String caseNumber = accepted(body).path("caseNumber");
        ComplaintSubmitted event = submitted(caseNumber);

        given().auth()
                .oauth2(notifier())
                .get("/api/internal/contacts/{ref}", event.complainant().ref())
                .then()
                .statusCode(200)
                .body("ref", equalTo(event.complainant().ref()))
                .body("kind", equalTo("PERSON"))
                .body("name", equalTo("张三"))
                .body("mobile", equalTo(mobile))
                .body("email", equalTo("li@example.cn"))
                .body("anonymous", equalTo(false))
                .body("confidential", equalTo(false));
    }

    @Test
    void shouldGiveTheHotlineOperatorTheNumberToCallForAFollowUpAndNobodyElse() {
        String mobile = newMobile();
        String caseNumber = accepted(personComplaint("办税大厅排队时间过长", "每次办税都要排队两小时以上。", "D01", mobile))
                .path("caseNumber");
        given().auth()
                .oauth2(TestTokens.token("operator1", "hotline-operator"))
                .get("/api/complaints/{cn}/contact", caseNumber)
                .then()
                .statusCode(200)
                .body("name", equalTo("张三"))
                .body("mobile", equalTo(mobile));
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .get("/api/complaints/{cn}/contact", caseNumber)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.token("operator1", "hotline-operator"))
                .get("/api/complaints/{cn}/contact", "TS209901010001")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldResolveAConfidentialComplainantWhoseNameTheEventHides() {
        String mobile = newMobile();
        Map<String, Object> body = personComplaint("举报执法人员吃拿卡要", "检查人员暗示要好处费。", "D03", mobile);
        body.put("confidential", true);
        String caseNumber = accepted(body).path("caseNumber");
        ComplaintSubmitted event = submitted(caseNumber);
        assertNull(event.complainant().displayName());

        given().auth()
                .oauth2(notifier())
                .get("/api/internal/contacts/{ref}", event.complainant().ref())
                .then()
                .statusCode(200)
                .body("name", equalTo("张三"))
                .body("mobile", equalTo(mobile))
                .body("confidential", equalTo(true));
    }

    @Test
    void shouldResolveAHotlineCaller() {
        String phone = newMobile();
        Map<String, Object> order = HotlineResourceTest.workOrder(HotlineResourceTest.nextNumber());
        order.put("callerPhone", phone);
        order.put("summary", "来电反映共享单车乱停放");
        order.put("content", "来电人反映地铁口共享单车堆积，影响通行。");
        var receipt = HotlineResourceTest.push(HotlineResourceTest.callCentre(), order);
        assertEquals(201, receipt.statusCode(), receipt.asString());
        ComplaintSubmitted event = submitted(receipt.path("caseNumber"));

        given().auth()
                .oauth2(notifier())
                .get("/api/internal/contacts/{ref}", event.complainant().ref())
                .then()
                .statusCode(200)
                .body("name", equalTo("王五"))
                .body("mobile", equalTo(phone));
    }

    @Test
    void shouldResolveAnAnonymousComplaintWithoutContactToNoContact() {
        String caseNumber = accepted(Map.of(
                        "type", "REPORT",
                        "title", "匿名举报违规收费",
                        "content", "某窗口办理业务违规收取加急费。",
                        "district", "D01",
                        "anonymous", true))
                .path("caseNumber");
        given().auth()
                .oauth2(notifier())
                .get(
                        "/api/internal/contacts/{ref}",
                        submitted(caseNumber).complainant().ref())
                .then()
                .statusCode(200)
                .body("kind", equalTo("ANONYMOUS"))
                .body("anonymous", equalTo(true))
                .body("mobile", nullValue())
                .body("email", nullValue());
    }

    @Test
    void shouldNotResolveForAnyOtherRole() {
        String mobile = newMobile();
        String caseNumber =
                accepted(personComplaint("绿化带被占用", "绿化带被改成停车场。", "D01", mobile)).path("caseNumber");
        for (String role : List.of(
                "citizen",
                "enterprise",
                "hotline-operator",
                "call-centre",
                "dispatcher",
                "coordinator",
                "handler",
                "supervisor",
                "inspector",
                "admin")) {
            String response = given().auth()
                    .oauth2(TestTokens.token("someone-" + role, Set.of(role), List.of("SCJG")))
                    .get("/api/internal/contacts/{ref}", "complaint:" + caseNumber)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("mobile", nullValue())
                    .extract()
                    .asString();
            assertFalse(response.contains(mobile.substring(3)), role + ": " + response);
        }
    }

    @Test
    void shouldNotResolveWithoutAToken() {
        String caseNumber = accepted(personComplaint("井盖缺失", "人行道井盖缺失存在安全隐患。", "D02", newMobile()))
                .path("caseNumber");
        given().get("/api/internal/contacts/{ref}", "complaint:" + caseNumber)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("mobile", nullValue());
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownOrMalformedReference() {
        for (String ref : List.of("complaint:TS209901010001", "TS209901010001", "complaint:", "person:42")) {
            given().auth()
                    .oauth2(notifier())
                    .get("/api/internal/contacts/{ref}", ref)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("mobile", nullValue())
                    .body("title", not(nullValue()));
        }
    }
}
