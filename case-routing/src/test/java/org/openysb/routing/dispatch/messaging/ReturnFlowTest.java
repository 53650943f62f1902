package org.openysb.routing.dispatch.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReturned;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.HandlerDesignated;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.routing.CaseEvents;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.routing.Eventually.eventually;

/**
 * Returns (退单) as supervision-service sends them (ReturnRequested on ysb.supervision) and what routing answers on
 * ysb.routing and shows coordinators and inspectors: reroute, arbitration, refusal, rulings, designation.
 */
@QuarkusTest
class ReturnFlowTest {
    private static final String COORDINATOR = TestTokens.token("coordinator1", "coordinator");
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    private static final String BASIS = "权责清单第 1 版：本事项主办单位非本单位";

    @Inject
    EntityManager entityManager;

    /** Submits a tax complaint (routed to TAX by the category given at intake) and waits for its first CaseRouted. */
    static String taxCase(String text) {
        String caseNumber = CaseEvents.newCaseNumber();
        CaseEvents.submit(caseNumber, text, "D03", "TAX_RELIEF");
        CaseRouted routed = routed(caseNumber, 1);
        assertEquals("TAX", routed.lead().code());
        return caseNumber;
    }

    /** The {@code n}-th CaseRouted of the case (waits for it). */
    static CaseRouted routed(String caseNumber, int n) {
        return CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, n)
                .get(n - 1);
    }

    static CaseReturned returned(String caseNumber, int n) {
        return CaseEvents.await(caseNumber, EventType.CASE_RETURNED, CaseReturned.class, n)
                .get(n - 1);
    }

    static Map<String, Object> unitReturns(String unit) {
        return given().auth()
                .oauth2(INSPECTOR)
                .get("/api/routing/units/{unit}/returns", unit)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> returnsOf(String unit, String caseNumber) {
        return ((List<Map<String, Object>>) unitReturns(unit).get("items"))
                .stream().filter(r -> caseNumber.equals(r.get("caseNumber"))).toList();
    }

    /** returns, rerouted, arbitration, improper, refused of a unit in /returns/stats (zeros when absent). */
    static Map<String, Object> stats(String unit) {
        List<Map<String, Object>> all = given().auth()
                .oauth2(INSPECTOR)
                .get("/api/routing/returns/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return all.stream()
                .filter(s -> unit.equals(s.get("unit")))
                .findFirst()
                .orElse(Map.of("returns", 0, "rerouted", 0, "arbitration", 0, "improper", 0, "refused", 0));
    }

    static long count(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    static Map<String, Object> history(String caseNumber) {
        return given().auth()
                .oauth2(INSPECTOR)
                .get("/api/routing/cases/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @SuppressWarnings("unchecked")
    static List<String> decisionKinds(String caseNumber) {
        return ((List<Map<String, Object>>) history(caseNumber).get("decisions"))
                .stream().map(d -> (String) d.get("kind")).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> lastDecision(String caseNumber) {
        List<Map<String, Object>> decisions =
                (List<Map<String, Object>>) history(caseNumber).get("decisions");
        return decisions.get(decisions.size() - 1);
    }

    static List<Map<String, Object>> arbitration() {
        return given().auth()
                .oauth2(COORDINATOR)
                .get("/api/routing/arbitration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    static Map<String, Object> inArbitration(String caseNumber) {
        return arbitration().stream()
                .filter(a -> caseNumber.equals(a.get("caseNumber")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(caseNumber + " is not waiting for arbitration"));
    }

    static ValidatableResponse ruling(String caseNumber, Map<String, Object> body) {
        return given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/routing/cases/{caseNumber}/ruling", caseNumber)
                .then();
    }

    /** Waits until the unit's return of this case is recorded as refused and returns the refusal. */
    static String awaitRefusal(String unit, String caseNumber) {
        String[] refusal = new String[1];
        eventually(() -> {
            List<Map<String, Object>> items = returnsOf(unit, caseNumber);
            assertEquals(1, items.size(), "one return of " + caseNumber + " by " + unit + ": " + items);
            assertEquals("REFUSED", items.get(0).get("outcome"));
            refusal[0] = (String) items.get(0).get("refusal");
        });
        assertNotNull(refusal[0]);
        return refusal[0];
    }

    /**
     * A refused return is announced (CaseReturned REFUSED, with the refusal, so that supervision-service gives the
     * unit its case back) and changes nothing else: no new dispatch, the unit still holds the case.
     */
    static void assertNothingHappenedBesidesTheRefusal(String caseNumber, String lead, int dispatches, int returns) {
        List<CaseReturned> announced =
                CaseEvents.await(caseNumber, EventType.CASE_RETURNED, CaseReturned.class, returns + 1);
        assertEquals(returns + 1, announced.size(), "the earlier returns and the refusal");
        CaseReturned refused = announced.get(announced.size() - 1);
        assertEquals("REFUSED", refused.outcome());
        assertNotNull(refused.refusal());
        assertEquals(lead, refused.unit().code());
        assertEquals(returns + 1, CaseEvents.count(caseNumber, EventType.CASE_RETURNED, Duration.ofSeconds(3)));
        assertEquals(dispatches, CaseEvents.count(caseNumber, EventType.CASE_ROUTED, Duration.ofSeconds(1)));
        Map<String, Object> history = history(caseNumber);
        assertEquals("ROUTED", history.get("status"));
        assertEquals(lead, history.get("currentLead"));
        assertEquals(dispatches, history.get("dispatchCount"));
        Map<String, Object> last = lastDecision(caseNumber);
        assertEquals("RETURN", last.get("kind"));
        assertTrue(((String) last.get("explanation")).startsWith("退单不予受理"), last.toString());
    }

    @Test
    void shouldRerouteAReturnWithABasisToTheNextBestUnitAndSendTheNextReturnToArbitration() {
        String caseNumber = CaseEvents.newCaseNumber();
        CaseEvents.submit(caseNumber, "水电气报装手续繁琐耗时，供电接入等了两个月，电价收费也偏高。", "D01", "UTILITY_CONNECTION");
        assertEquals("NYJ", routed(caseNumber, 1).lead().code());

        CaseEvents.requestReturn(caseNumber, "NYJ", "权责清单「水电气暖价格与收费」由市发展改革委主办");
        CaseReturned first = returned(caseNumber, 1);
        assertEquals("NYJ", first.unit().code());
        assertEquals("市能源局", first.unit().name());
        assertEquals("REROUTED", first.outcome());
        assertEquals("不属于本单位职责", first.reason());
        assertEquals("权责清单「水电气暖价格与收费」由市发展改革委主办", first.basis());
        assertEquals("handler-nyj", first.actor());
        assertEquals(1, first.dispatchCount());

        CaseRouted second = routed(caseNumber, 2);
        assertEquals("FGW", second.lead().code(), "the next-best category's lead");
        assertEquals("UTILITY_PRICE", second.category());
        assertEquals("AUTO", second.decidedBy());
        assertEquals(2, second.dispatchCount());
        assertEquals(CaseEvents.currentMatrixVersion(), second.matrixVersion());
        assertTrue(second.matrixRowId() > 0);
        assertNotNull(second.basis());
        assertTrue(second.explanation().contains("退单"), second.explanation());
        assertFalse(second.coHandlers().stream().anyMatch(u -> u.code().equals("FGW")));

        assertEquals(List.of("AUTO", "RETURN", "REROUTE"), decisionKinds(caseNumber));
        List<Map<String, Object>> nyj = returnsOf("NYJ", caseNumber);
        assertEquals(1, nyj.size());
        assertEquals("REROUTED", nyj.get(0).get("outcome"));
        assertEquals(false, nyj.get(0).get("improper"));

        // the new lead returns it too; no unit that has not returned it is left: arbitration
        CaseEvents.requestReturn(caseNumber, "FGW", "本委不负责报装，价格部分已另案处理");
        CaseReturned again = returned(caseNumber, 2);
        assertEquals("FGW", again.unit().code());
        assertEquals("ARBITRATION", again.outcome());
        assertEquals(2, again.dispatchCount());
        eventually(() -> {
            Map<String, Object> item = inArbitration(caseNumber);
            assertEquals("FGW", item.get("returnedBy"));
            assertEquals("市发展改革委", item.get("returnedByName"));
            assertEquals("不属于本单位职责", item.get("reason"));
            assertEquals("本委不负责报装，价格部分已另案处理", item.get("basis"));
            assertEquals(2, item.get("dispatchCount"));
            assertEquals(false, item.get("designationRequired"));
        });
        assertEquals("IN_ARBITRATION", history(caseNumber).get("status"));
        assertEquals(2, CaseEvents.count(caseNumber, EventType.CASE_ROUTED, Duration.ofSeconds(2)), "not rerouted");
    }

    @Test
    void shouldRefuseAReturnWithoutABasisAndRecordTheRefusalAgainstTheUnit() {
        String caseNumber = taxCase("我公司多缴的增值税申请退税半年仍未退还，税务部门一再拖延。");
        Map<String, Object> before = unitReturns("TAX");
        Map<String, Object> statsBefore = stats("TAX");

        // supervision-service requires a basis; an event without one (a broken producer) is refused, not followed
        CaseEvents.publishRaw(caseNumber, CaseEvents.returnRequested(caseNumber, "TAX", "不是我们的事", null));

        String refusal = awaitRefusal("TAX", caseNumber);
        assertTrue(refusal.contains("依据"), refusal);
        assertNothingHappenedBesidesTheRefusal(caseNumber, "TAX", 1, 0);
        Map<String, Object> after = unitReturns("TAX");
        assertEquals(count(before, "refused") + 1, count(after, "refused"));
        assertEquals(count(before, "returns"), count(after, "returns"), "a refused return is no return");
        assertEquals(count(statsBefore, "refused") + 1, count(stats("TAX"), "refused"));
        assertEquals(count(statsBefore, "returns"), count(stats("TAX"), "returns"));
    }

    @Test
    void shouldRefuseAReturnWithoutAReason() {
        String caseNumber = taxCase("印花税多缴申请退税被拖延两个月。");

        CaseEvents.publishRaw(caseNumber, CaseEvents.returnRequested(caseNumber, "TAX", " ", BASIS));

        String refusal = awaitRefusal("TAX", caseNumber);
        assertTrue(refusal.contains("理由"), refusal);
        assertNothingHappenedBesidesTheRefusal(caseNumber, "TAX", 1, 0);
    }

    @Test
    void shouldRefuseAReturnOutsideTheReturnWindow() {
        String caseNumber = taxCase("企业所得税汇算清缴多缴税款申请退还一直未办。");
        // the case reached the unit five days ago (routing.return-window is P4D)
        QuarkusTransaction.requiringNew()
                .run(() -> assertEquals(
                        1,
                        entityManager
                                .createNativeQuery("update routing_case set routed_at = routed_at - interval '5 days'"
                                        + " where case_number = ?1")
                                .setParameter(1, caseNumber)
                                .executeUpdate()));

        CaseEvents.requestReturn(caseNumber, "TAX", BASIS);

        String refusal = awaitRefusal("TAX", caseNumber);
        assertTrue(refusal.contains("时限"), refusal);
        assertNothingHappenedBesidesTheRefusal(caseNumber, "TAX", 1, 0);
    }

    @Test
    void shouldRefuseAReturnAfterTheUnitSignedForTheCase() {
        String caseNumber = taxCase("个税手续费返还迟迟没有退回，税务窗口推说系统问题。");

        CaseEvents.sign(caseNumber, "TAX");
        CaseEvents.requestReturn(caseNumber, "TAX", BASIS);

        String refusal = awaitRefusal("TAX", caseNumber);
        assertTrue(refusal.contains("签收"), refusal);
        assertNothingHappenedBesidesTheRefusal(caseNumber, "TAX", 1, 0);
        // nor can the coordinator designate a unit for a case its lead has accepted
        given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "CZJ", "reason", "指定财政局"))
                .post("/api/routing/cases/{caseNumber}/designation", caseNumber)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:already-accepted"));
    }

    @Test
    void shouldUpholdAReturnAndDispatchTheCaseToTheUnitTheCoordinatorChose() {
        String caseNumber = taxCase("小微企业六税两费减免没有享受到，申请退税被退回。");
        CaseEvents.requestReturn(caseNumber, "TAX", BASIS);
        assertEquals("ARBITRATION", returned(caseNumber, 1).outcome());
        eventually(() -> assertEquals("TAX", inArbitration(caseNumber).get("returnedBy")));
        long improperBefore = count(unitReturns("TAX"), "improper");

        ruling(caseNumber, Map.of("upheld", true, "reason", "支持退单"))
                .statusCode(400)
                .body("errors[0].field", equalTo("lead"));
        ruling(caseNumber, Map.of("upheld", true, "lead", "TAX", "reason", "支持退单"))
                .statusCode(400)
                .body("errors[0].field", equalTo("lead"));
        ruling(caseNumber, Map.of("lead", "CZJ", "reason", "未说明是否支持"))
                .statusCode(400)
                .body("errors[0].field", equalTo("upheld"));

        ruling(caseNumber, Map.of("upheld", true, "lead", "CZJ", "category", "SUBSIDY_PAYMENT", "reason", "减免资金由财政兑现"))
                .statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("lead", equalTo("CZJ"))
                .body("category", equalTo("SUBSIDY_PAYMENT"))
                .body("dispatchCount", equalTo(2));

        ReturnRuled ruled = CaseEvents.await(caseNumber, EventType.RETURN_RULED, ReturnRuled.class, 1)
                .get(0);
        assertTrue(ruled.upheld());
        assertFalse(ruled.improper());
        assertEquals("TAX", ruled.unit().code());
        assertEquals("CZJ", ruled.newLead().code());
        assertEquals("市财政局", ruled.newLead().name());
        assertEquals("coordinator1", ruled.actor());
        assertEquals("减免资金由财政兑现", ruled.reason());
        CaseRouted routed = routed(caseNumber, 2);
        assertEquals("CZJ", routed.lead().code());
        assertEquals("SUBSIDY_PAYMENT", routed.category());
        assertEquals("coordinator1", routed.decidedBy());
        assertEquals(2, routed.dispatchCount());
        assertNotNull(routed.basis());

        assertTrue(arbitration().stream().noneMatch(a -> caseNumber.equals(a.get("caseNumber"))));
        assertEquals(false, returnsOf("TAX", caseNumber).get(0).get("improper"));
        assertEquals(improperBefore, count(unitReturns("TAX"), "improper"), "an upheld return is not improper");
        ruling(caseNumber, Map.of("upheld", false, "reason", "再裁一次"))
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:not-in-arbitration"));
        assertEquals(1, CaseEvents.count(caseNumber, EventType.RETURN_RULED, Duration.ofSeconds(2)));
    }

    @Test
    void shouldRejectAnImproperReturnSendTheCaseBackAndCountItAgainstTheUnit() {
        String caseNumber = taxCase("出口退税迟迟不到账，税务局说材料要重新审核。");
        CaseEvents.requestReturn(caseNumber, "TAX", BASIS);
        assertEquals("ARBITRATION", returned(caseNumber, 1).outcome());
        eventually(() -> inArbitration(caseNumber));
        long improperBefore = count(unitReturns("TAX"), "improper");
        long statsImproperBefore = count(stats("TAX"), "improper");

        ruling(caseNumber, Map.of("upheld", false, "reason", "出口退税属税务部门法定职责"))
                .statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("lead", equalTo("TAX"))
                .body("dispatchCount", equalTo(2));

        ReturnRuled ruled = CaseEvents.await(caseNumber, EventType.RETURN_RULED, ReturnRuled.class, 1)
                .get(0);
        assertFalse(ruled.upheld());
        assertTrue(ruled.improper());
        assertEquals("TAX", ruled.unit().code());
        assertNull(ruled.newLead(), "newLead only when the return is upheld");
        assertEquals("出口退税属税务部门法定职责", ruled.reason());
        CaseRouted back = routed(caseNumber, 2);
        assertEquals("TAX", back.lead().code());
        assertEquals("coordinator1", back.decidedBy());
        assertTrue(back.explanation().contains("不当退单"), back.explanation());

        List<Map<String, Object>> items = returnsOf("TAX", caseNumber);
        assertEquals(1, items.size());
        assertEquals(true, items.get(0).get("improper"));
        assertEquals(improperBefore + 1, count(unitReturns("TAX"), "improper"));
        assertEquals(statsImproperBefore + 1, count(stats("TAX"), "improper"));
    }

    @Test
    void shouldRequireDesignationAfterThreeDispatchesAndRefuseAReturnByTheDesignatedUnit() {
        String caseNumber = taxCase("研发费用加计扣除优惠没有享受到，税务部门不予认可。");
        // dispatch 1 (TAX) → return → arbitration → dispatch 2 (CZJ) → return → arbitration → dispatch 3 (FGW) → return
        CaseEvents.requestReturn(caseNumber, "TAX", BASIS);
        assertEquals("ARBITRATION", returned(caseNumber, 1).outcome());
        eventually(() -> inArbitration(caseNumber));
        ruling(caseNumber, Map.of("upheld", true, "lead", "CZJ", "category", "SUBSIDY_PAYMENT", "reason", "财政兑现"))
                .statusCode(200)
                .body("dispatchCount", equalTo(2));
        assertEquals("CZJ", routed(caseNumber, 2).lead().code());

        CaseEvents.requestReturn(caseNumber, "CZJ", BASIS);
        assertEquals("ARBITRATION", returned(caseNumber, 2).outcome());
        eventually(() -> assertEquals("CZJ", inArbitration(caseNumber).get("returnedBy")));
        ruling(caseNumber, Map.of("upheld", true, "lead", "FGW", "category", "POLICY_DELIVERY", "reason", "政策落实"))
                .statusCode(200)
                .body("dispatchCount", equalTo(3));
        assertEquals("FGW", routed(caseNumber, 3).lead().code());

        CaseEvents.requestReturn(caseNumber, "FGW", BASIS);
        CaseReturned third = returned(caseNumber, 3);
        assertEquals("ARBITRATION", third.outcome());
        assertEquals(3, third.dispatchCount());
        eventually(() -> {
            Map<String, Object> item = inArbitration(caseNumber);
            assertEquals("FGW", item.get("returnedBy"));
            assertEquals(3, item.get("dispatchCount"));
            assertEquals(true, item.get("designationRequired"));
        });
        ruling(caseNumber, Map.of("upheld", true, "lead", "GXJ", "reason", "再派"))
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:designation-required"));

        given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "TAX", "category", "TAX_RELIEF", "reason", "研发费用加计扣除属税务部门职责，指定承办"))
                .post("/api/routing/cases/{caseNumber}/designation", caseNumber)
                .then()
                .statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("lead", equalTo("TAX"))
                .body("designated", equalTo(true))
                .body("dispatchCount", equalTo(4));

        HandlerDesignated designated = CaseEvents.await(
                        caseNumber, EventType.HANDLER_DESIGNATED, HandlerDesignated.class, 1)
                .get(0);
        assertEquals("TAX", designated.unit().code());
        assertEquals("coordinator1", designated.actor());
        assertEquals(3, designated.dispatchCount(), "dispatched three times before the designation");
        CaseRouted fourth = routed(caseNumber, 4);
        assertTrue(fourth.designated());
        assertEquals(4, fourth.dispatchCount());
        assertEquals("TAX", fourth.lead().code());
        assertEquals("coordinator1", fourth.decidedBy());
        assertNotNull(fourth.basis());
        assertTrue(arbitration().stream().noneMatch(a -> caseNumber.equals(a.get("caseNumber"))));

        // the designated unit may not return the case again
        CaseEvents.requestReturn(caseNumber, "TAX", BASIS);
        eventually(() -> assertTrue(
                returnsOf("TAX", caseNumber).stream().anyMatch(r -> "REFUSED".equals(r.get("outcome"))),
                "refused return of the designated unit"));
        String refusal = returnsOf("TAX", caseNumber).stream()
                .filter(r -> "REFUSED".equals(r.get("outcome")))
                .map(r -> (String) r.get("refusal"))
                .findFirst()
                .orElseThrow();
        assertTrue(refusal.contains("指定承办"), refusal);
        assertNothingHappenedBesidesTheRefusal(caseNumber, "TAX", 4, 3);
        assertEquals(true, history(caseNumber).get("designated"));
    }

    @Test
    void shouldChangeNothingWhenAReturnRequestIsDeliveredAgain() {
        String caseNumber = taxCase("增值税留抵退税申请三个月了还没有结果。");
        String event = CaseEvents.returnRequested(caseNumber, "TAX", "不属于本单位职责", BASIS);

        CaseEvents.publishRaw(caseNumber, event);
        CaseEvents.publishRaw(caseNumber, event);

        assertEquals("ARBITRATION", returned(caseNumber, 1).outcome());
        assertEquals(1, CaseEvents.count(caseNumber, EventType.CASE_RETURNED, Duration.ofSeconds(4)), "returned once");
        List<Map<String, Object>> items = returnsOf("TAX", caseNumber);
        assertEquals(1, items.size(), "one return recorded, no refusal of the copy: " + items);
        assertEquals("ARBITRATION", items.get(0).get("outcome"));
        assertEquals(List.of("AUTO", "RETURN"), decisionKinds(caseNumber));
        assertEquals("IN_ARBITRATION", history(caseNumber).get("status"));
    }
}
