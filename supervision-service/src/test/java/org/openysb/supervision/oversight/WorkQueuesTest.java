package org.openysb.supervision.oversight;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.events.UnitRef;
import org.openysb.supervision.Events;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.service.EscalationService;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** What a supervisor sees in the work queues: requests to decide, the overdue board, dissatisfied follow-ups. */
@QuarkusTest
class WorkQueuesTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    private static final String OPERATOR = TestTokens.token("operator1", "hotline-operator");

    /** Case numbers of this run: no other test class uses the year 2097. */
    private static final String RUN = "TS20971207" + String.format("%03d", (System.currentTimeMillis() / 1000) % 1000);

    @Inject
    EscalationService escalation;

    /** A complaint received and routed to {@code unit} (no co-units) at {@code routedAt}; waits for its work item. */
    private static String routed(String suffix, String unit, OffsetDateTime routedAt) {
        String cn = RUN + suffix;
        Events.publishComplaint(cn, Events.complaintSubmitted(cn, "WEB", "COMPLAINT", null, routedAt));
        Events.publishRouted(
                cn, Events.caseRouted(cn, new UnitRef(unit, unit + "局"), List.of(), "COMPLAINT", false, 1, routedAt));
        String handler = handler(unit);
        // the complaint and its routing come on two topics: wait for both (the case file shows the complaint's title)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(handler)
                .get("/api/work-items/{cn}/file", cn)
                .then()
                .statusCode(200)
                .body("complaint.title", equalTo("标题")));
        return cn;
    }

    private static String handler(String unit) {
        return TestTokens.handler("handler-" + unit.toLowerCase(), unit);
    }

    private static void post(String token, String path, Object body, int status) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.post(path).then().statusCode(status);
    }

    private static String signed(String suffix, String unit) {
        String cn = routed(suffix, unit, OffsetDateTime.now(WorkingCalendar.CHINA));
        post(handler(unit), "/api/work-items/" + cn + "/sign", null, 200);
        return cn;
    }

    @Test
    void shouldListPendingExtensionsWithTheirCaseAndDropThemOnceDecided() {
        String cn = signed("001", "SCJG");
        post(
                handler("SCJG"),
                "/api/work-items/" + cn + "/extension",
                Map.of("workingDays", 5, "reason", "需现场核查三家企业", "legalBasis", "《工作规则》第十条"),
                200);

        String path = "extensions.find { it.caseNumber == '" + cn + "' }";
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/approvals")
                .then()
                .statusCode(200)
                .body("extensionsTotal", greaterThanOrEqualTo(1))
                .body(path + ".kind", equalTo("EXTENSION"))
                .body(path + ".title", equalTo("标题"))
                .body(path + ".leadUnit", equalTo("SCJG"))
                .body(path + ".leadName", equalTo("SCJG局"))
                .body(path + ".status", equalTo("SIGNED"))
                .body(path + ".workingDays", equalTo(5))
                .body(path + ".reason", equalTo("需现场核查三家企业"))
                .body(path + ".basis", equalTo("《工作规则》第十条"))
                .body(path + ".requestedBy", equalTo("handler-scjg"))
                .body(path + ".requestedAt", notNullValue())
                .body(path + ".handlingDeadline", notNullValue())
                .body(path + ".proposedDeadline", notNullValue())
                .body(path + ".workingDaysLeft", greaterThanOrEqualTo(1));
        given().auth().oauth2(ADMIN).get("/api/work-items/approvals").then().statusCode(200);
        given().auth()
                .oauth2(handler("SCJG"))
                .get("/api/work-items/approvals")
                .then()
                .statusCode(403);
        given().auth().oauth2(INSPECTOR).get("/api/work-items/approvals").then().statusCode(403);

        // a rejection needs a reason: refused without one, the request stays in the list
        post(SUPERVISOR, "/api/work-items/" + cn + "/extension/decision", Map.of("approve", false), 400);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/approvals")
                .then()
                .body("extensions.caseNumber", hasItem(cn));
        post(
                SUPERVISOR,
                "/api/work-items/" + cn + "/extension/decision",
                Map.of("approve", false, "reason", "核查可在期限内完成"),
                200);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/approvals")
                .then()
                .body("extensions.caseNumber", not(hasItem(cn)));
    }

    @Test
    void shouldListPendingSuspensionsWithTheirCase() {
        String cn = signed("002", "TAX");
        post(
                handler("TAX"),
                "/api/work-items/" + cn + "/suspension",
                Map.of("reason", "等待第三方检测报告", "basis", "《工作规则》第十二条", "workingDays", 4),
                200);
        String path = "suspensions.find { it.caseNumber == '" + cn + "' }";
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/approvals")
                .then()
                .statusCode(200)
                .body("suspensionsTotal", greaterThanOrEqualTo(1))
                .body(path + ".kind", equalTo("SUSPENSION"))
                .body(path + ".title", equalTo("标题"))
                .body(path + ".leadUnit", equalTo("TAX"))
                .body(path + ".workingDays", equalTo(4))
                .body(path + ".reason", equalTo("等待第三方检测报告"))
                .body(path + ".basis", equalTo("《工作规则》第十二条"))
                .body(path + ".requestedBy", equalTo("handler-tax"))
                .body(path + ".proposedDeadline", nullValue());
        post(SUPERVISOR, "/api/work-items/" + cn + "/suspension/decision", Map.of("approve", true), 200);
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/approvals")
                .then()
                .body("suspensions.caseNumber", not(hasItem(cn)));
    }

    @Test
    void shouldShowOverdueCasesWithTheNoticeAndOrderIssued() {
        // a unit of its own, so its counts are this test's: assigned 2026-10-09, due 2026-10-29 (15 working days)
        String unit = "DB" + RUN.substring(RUN.length() - 3);
        String cn = routed("010", unit, OffsetDateTime.parse("2026-10-09T09:00:00+08:00"));
        escalation.sweep(OffsetDateTime.now(WorkingCalendar.CHINA));

        String item = "items.find { it.caseNumber == '" + cn + "' }";
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("unit", unit)
                .get("/api/work-items/overdue-board")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body(item + ".title", equalTo("标题"))
                .body(item + ".leadName", equalTo(unit + "局"))
                .body(item + ".status", equalTo("ASSIGNED"))
                .body(item + ".handlingDeadline", equalTo("2026-10-29T23:59:59.999+08:00"))
                .body(item + ".overdueWorkingDays", greaterThanOrEqualTo(20))
                .body(item + ".level", equalTo("ORDER"))
                .body(item + ".escalations.find { it.level == 'NOTICE' }.number", equalTo("CB-" + cn + "-1"))
                .body(item + ".escalations.find { it.level == 'NOTICE' }.clock", equalTo("HANDLING"))
                .body(item + ".escalations.find { it.level == 'NOTICE' }.issuedAt", notNullValue())
                .body(item + ".escalations.find { it.level == 'ORDER' }.number", equalTo("DB-" + cn + "-1"))
                .body("units.find { it.unit == '" + unit + "' }.overdue", equalTo(1))
                .body("units.find { it.unit == '" + unit + "' }.noticed", equalTo(1))
                .body("units.find { it.unit == '" + unit + "' }.ordered", equalTo(1));
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("unit", unit)
                .queryParam("level", "NOTICE")
                .get("/api/work-items/overdue-board")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("level", "ORDER")
                .get("/api/work-items/overdue-board")
                .then()
                .statusCode(200)
                .body("items.level", not(hasItem("NONE")));
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("level", "URGENT")
                .get("/api/work-items/overdue-board")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(handler(unit))
                .get("/api/work-items/overdue-board")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldListDissatisfiedFollowUpsUntilReopenedOrClosed() {
        String reopen = replied("021", "SCJG");
        String close = replied("022", "SCJG");
        for (String cn : List.of(reopen, close)) {
            post(
                    OPERATOR,
                    "/api/work-items/" + cn + "/follow-up",
                    Map.of("rating", "DISSATISFIED", "solved", false, "comment", "补贴仍未到账；请再核实"),
                    200);
        }
        String item = "items.find { it.caseNumber == '" + reopen + "' }";
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("unit", "SCJG")
                .queryParam("size", 100)
                .get("/api/work-items/dissatisfied")
                .then()
                .statusCode(200)
                .body("maxReopens", equalTo(2))
                .body("total", greaterThanOrEqualTo(2))
                .body(item + ".title", equalTo("标题"))
                .body(item + ".rating", equalTo("DISSATISFIED"))
                .body(item + ".solved", equalTo(false))
                .body(item + ".comment", equalTo("补贴仍未到账；请再核实"))
                .body(item + ".replyResult", equalTo("EXPLAINED"))
                .body(item + ".replyText", equalTo("已向企业解释补贴发放流程。"))
                .body(item + ".followedUpBy", equalTo("OPERATOR"))
                .body(item + ".reopenCount", equalTo(0))
                .body(item + ".canReopen", equalTo(true));

        post(SUPERVISOR, "/api/work-items/" + reopen + "/reopen", Map.of("reason", "请重新核实补贴发放"), 200);
        post(SUPERVISOR, "/api/work-items/" + close + "/close", null, 200);
        given().auth()
                .oauth2(SUPERVISOR)
                .queryParam("size", 100)
                .get("/api/work-items/dissatisfied")
                .then()
                .statusCode(200)
                .body("items.caseNumber", not(hasItem(reopen)))
                .body("items.caseNumber", not(hasItem(close)));
        given().auth()
                .oauth2(handler("SCJG"))
                .get("/api/work-items/dissatisfied")
                .then()
                .statusCode(403);
    }

    private static String replied(String suffix, String unit) {
        String cn = signed(suffix, unit);
        post(handler(unit), "/api/work-items/" + cn + "/first-contact", Map.of("method", "PHONE"), 200);
        post(
                handler(unit),
                "/api/work-items/" + cn + "/reply",
                Map.of("resultCode", "EXPLAINED", "text", "已向企业解释补贴发放流程。"),
                200);
        return cn;
    }
}
