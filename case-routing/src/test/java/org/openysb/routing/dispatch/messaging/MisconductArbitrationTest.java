package org.openysb.routing.dispatch.messaging;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.HandlerDesignated;
import org.openysb.contracts.events.ManualDispatchQueued;
import org.openysb.routing.CaseEvents;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.routing.Eventually.eventually;

/**
 * The misconduct guard's guarantee at arbitration: a case it flagged, once returned, stays with another unit than the
 * discipline commission — by a ruling (upheld or rejected) or a designation (指定承办) — only with the coordinator's
 * confirmation and its reason, which are recorded on the decision and in CaseRouted.
 */
@QuarkusTest
class MisconductArbitrationTest {
    private static final String DISPATCHER = TestTokens.token("dispatcher1", "dispatcher");
    private static final String COORDINATOR = TestTokens.token("coordinator1", "coordinator");
    private static final String BASIS = "权责清单第 1 版：本事项主办单位非本单位";
    /*
     * Each test has its own text with some evidence of officials' misconduct (a hint at gifts), not enough to send it
     * straight to the discipline commission: rulings teach the classifier, so a text shared by two tests could change
     * how the second one is routed.
     */

    /**
     * A flagged case that a dispatcher sent to the service centre with a confirmation, and that the centre returned:
     * it waits for arbitration (a flagged case is never rerouted automatically).
     */
    static String flaggedCaseInArbitration(String text, String cue) {
        String caseNumber = CaseEvents.newCaseNumber();
        CaseEvents.submit(caseNumber, text, "D02", null);
        ManualDispatchQueued q = CaseEvents.await(
                        caseNumber, EventType.MANUAL_DISPATCH_QUEUED, ManualDispatchQueued.class, 1)
                .get(0);
        assertEquals("POSSIBLE_MISCONDUCT", q.reason());
        given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "ZWFW", "reason", "窗口服务问题", "misconductConfirmation", "来电人说明这句话指自行补正材料"))
                .post("/api/routing/cases/{caseNumber}/dispatch", caseNumber)
                .then()
                .statusCode(200);
        CaseEvents.requestReturn(caseNumber, "ZWFW", BASIS);
        eventually(() -> {
            Map<String, Object> item = ReturnFlowTest.inArbitration(caseNumber);
            assertEquals("POSSIBLE", item.get("misconductLevel"));
            assertEquals("JW", item.get("misconductLead"));
            assertTrue(((String) item.get("misconductEvidence")).contains(cue), item.toString());
        });
        return caseNumber;
    }

    static ValidatableResponse designation(String caseNumber, Map<String, Object> body) {
        return given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/routing/cases/{caseNumber}/designation", caseNumber)
                .then();
    }

    private static void refusedForWantOfConfirmation(ValidatableResponse response) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("misconductConfirmation"))
                .body("errors[0].message", containsString("作风问题"))
                .body("errors[0].messageEn", containsString("misconduct"));
    }

    @Test
    void shouldRuleAFlaggedCaseToAnotherUnitThanTheCommissionOnlyWithAConfirmationOnRecord() {
        String caseNumber = flaggedCaseInArbitration("申请的排水许可一直没批下来，窗口的人让我们自己看着办。", "看着办");

        // upheld to another unit, or rejected (back to the returning unit): both need the confirmation
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("upheld", true, "lead", "FGW", "reason", "属政策落实问题"),
                Map.of("upheld", true, "lead", "FGW", "reason", "属政策落实问题", "misconductConfirmation", " "),
                Map.of("upheld", false, "reason", "窗口服务属政务服务中心职责"))) {
            refusedForWantOfConfirmation(ReturnFlowTest.ruling(caseNumber, body));
        }
        ReturnFlowTest.inArbitration(caseNumber); // nothing happened

        ReturnFlowTest.ruling(
                        caseNumber,
                        Map.of(
                                "upheld", true,
                                "lead", "FGW",
                                "reason", "属政策落实问题",
                                "misconductConfirmation", "经核实不涉及工作人员，系政策未落实"))
                .statusCode(200)
                .body("lead", equalTo("FGW"));
        CaseRouted routed = ReturnFlowTest.routed(caseNumber, 2);
        assertEquals("FGW", routed.lead().code());
        assertTrue(
                routed.explanation().contains("仲裁人确认不交纪检监察机关")
                        && routed.explanation().contains("经核实不涉及工作人员"),
                routed.explanation());
        Map<String, Object> last = ReturnFlowTest.lastDecision(caseNumber);
        assertEquals("RULING", last.get("kind"));
        assertEquals("coordinator1", last.get("actor"));
        assertTrue(((String) last.get("explanation")).contains("经核实不涉及工作人员"), last.toString());
    }

    @Test
    void shouldRuleAFlaggedCaseToTheCommissionWithoutAConfirmation() {
        String caseNumber = flaggedCaseInArbitration("企业的信用修复申请交了三次，对方说要看你们的诚意再说。", "的诚意");
        ReturnFlowTest.ruling(caseNumber, Map.of("upheld", true, "lead", "JW", "reason", "涉及工作人员索要好处"))
                .statusCode(200)
                .body("lead", equalTo("JW"))
                .body("category", equalTo("OFFICIAL_MISCONDUCT"));
    }

    @Test
    void shouldDesignateAFlaggedCaseToAnotherUnitThanTheCommissionOnlyWithAConfirmationOnRecord() {
        String caseNumber = flaggedCaseInArbitration("申请人才公寓排了一年，管理处的人说懂规矩的早就住进去了。", "懂规矩");
        refusedForWantOfConfirmation(designation(caseNumber, Map.of("lead", "FGW", "reason", "多次退单，指定承办")));
        ReturnFlowTest.inArbitration(caseNumber);

        designation(
                        caseNumber,
                        Map.of(
                                "lead", "FGW",
                                "reason", "多次退单，指定承办",
                                "misconductConfirmation", "来电人确认不涉及工作人员"))
                .statusCode(200)
                .body("lead", equalTo("FGW"))
                .body("designated", equalTo(true));
        HandlerDesignated designated = CaseEvents.await(
                        caseNumber, EventType.HANDLER_DESIGNATED, HandlerDesignated.class, 1)
                .get(0);
        assertEquals("FGW", designated.unit().code());
        CaseRouted routed = ReturnFlowTest.routed(caseNumber, 2);
        assertTrue(
                routed.explanation().contains("指定人确认不交纪检监察机关")
                        && routed.explanation().contains("来电人确认不涉及工作人员"),
                routed.explanation());
        assertTrue(((String) ReturnFlowTest.lastDecision(caseNumber).get("explanation")).contains("来电人确认不涉及工作人员"));
    }
}
