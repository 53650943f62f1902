package org.openysb.intake.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.events.ComplaintSubmitted;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.openysb.intake.rest.Fixtures.accepted;
import static org.openysb.intake.rest.Fixtures.complainantOf;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;
import static org.openysb.intake.rest.Fixtures.submit;
import static org.openysb.intake.rest.Fixtures.submitted;

/**
 * Text fields: control characters and bidirectional overrides are refused with a field error; markup is accepted and
 * kept as the literal text it is (served as JSON, never as HTML).
 */
@QuarkusTest
class PlainTextValidationTest {

    private static void assertRefused(Map<String, Object> body, String field) {
        var response = submit(body);
        assertEquals(400, response.statusCode(), response.asString());
        response.response()
                .then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:validation"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString("控制字符"))
                .body("errors.find { it.field == '" + field + "' }.messageEn", containsString("control characters"));
    }

    @Test
    void shouldRefuseAControlCharacterInTheTitle() {
        assertRefused(personComplaint("门前\u0007道路积水", "道路积水严重。", "D01", newMobile()), "title");
    }

    @Test
    void shouldRefuseANulInTheContent() {
        assertRefused(personComplaint("道路积水", "道路积水\u0000严重。", "D01", newMobile()), "content");
    }

    @Test
    void shouldRefuseABidirectionalOverrideThatReordersWhatAHandlerReads() {
        assertRefused(personComplaint("道路积水", "退款金额\u202E0001\u202C元", "D01", newMobile()), "content");
    }

    @Test
    void shouldRefuseAnEscapeSequenceInTheComplainantsName() {
        Map<String, Object> body = personComplaint("道路积水", "道路积水严重。", "D01", newMobile());
        complainantOf(body).put("name", "张三\u001B[2J");
        assertRefused(body, "complainant.name");
    }

    @Test
    void shouldRefuseAControlCharacterInAHotlineWorkOrdersContent() {
        Map<String, Object> order = HotlineResourceTest.workOrder(HotlineResourceTest.nextNumber());
        order.put("content", "来电反映\u001F道路积水");
        given().auth()
                .oauth2(HotlineResourceTest.operator())
                .contentType(ContentType.JSON)
                .body(order)
                .post("/api/hotline/work-orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("content"));
    }

    @Test
    void shouldKeepTabsAndLineBreaks() {
        String content = "一、道路积水严重；\r\n二、\t排水口堵塞。\n请处理。";
        String caseNumber = accepted(personComplaint("道路积水\t排水不畅", content, "D01", newMobile()))
                .path("caseNumber");
        ComplaintSubmitted event = submitted(caseNumber);
        assertEquals(content, event.content());
        assertEquals("道路积水\t排水不畅", event.title());
    }

    @Test
    void shouldStoreMarkupAsTextAndServeItOnlyAsJson() {
        String title = "<script>alert('投诉')</script>窗口态度差";
        String content = "<img src=x onerror=alert(1)>办事窗口工作人员态度恶劣 & 拒绝解释 <b>原因</b>";
        var receipt = accepted(personComplaint(title, content, "D02", newMobile()));
        String caseNumber = receipt.path("caseNumber");

        given().queryParam("queryCode", receipt.<String>path("queryCode"))
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("title", equalTo(title));
        String asHtml = given().accept("text/html")
                .queryParam("queryCode", receipt.<String>path("queryCode"))
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .extract()
                .contentType();
        assertFalse(asHtml.startsWith("text/html"), "never served as HTML: " + asHtml);

        ComplaintSubmitted event = submitted(caseNumber);
        assertEquals(title, event.title(), "published verbatim, not escaped or stripped");
        assertEquals(content, event.content());
    }
}
