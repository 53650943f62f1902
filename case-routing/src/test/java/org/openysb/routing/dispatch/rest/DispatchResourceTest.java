package org.openysb.routing.dispatch.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ManualDispatchQueued;
import org.openysb.routing.CaseEvents;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What dispatchers see of the manual dispatch queue (人工派单): listing, claiming, dispatching, and what it teaches. */
@QuarkusTest
class DispatchResourceTest {
    private static final String DISPATCHER = TestTokens.token("dispatcher1", "dispatcher");
    private static final String OTHER_DISPATCHER = TestTokens.token("dispatcher2", "dispatcher");
    private static final String COORDINATOR = TestTokens.token("coordinator1", "coordinator");
    private static final String UNKNOWN_CASE = "TS209912319999";

    /** Submits a complaint that says too little to be routed and waits until it is in the manual queue. */
    static ManualDispatchQueued queued(String caseNumber, String text, boolean urgent) {
        CaseEvents.submit(caseNumber, text, "D02", null, urgent);
        return CaseEvents.await(caseNumber, EventType.MANUAL_DISPATCH_QUEUED, ManualDispatchQueued.class, 1)
                .get(0);
    }

    static List<Map<String, Object>> queue(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/routing/manual-queue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    static Optional<Map<String, Object>> inQueue(String caseNumber) {
        return queue(DISPATCHER).stream()
                .filter(q -> caseNumber.equals(q.get("caseNumber")))
                .findFirst();
    }

    static ValidatableResponse dispatch(String token, String caseNumber, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/routing/cases/{caseNumber}/dispatch", caseNumber)
                .then();
    }

    static ValidatableResponse claim(String token, String caseNumber) {
        return given().auth()
                .oauth2(token)
                .post("/api/routing/manual-queue/{caseNumber}/claim", caseNumber)
                .then();
    }

    static Map<String, Object> preview(String content, String categoryHint) {
        Map<String, Object> body = categoryHint == null
                ? Map.of("content", content, "district", "D02")
                : Map.of("content", content, "district", "D02", "categoryHint", categoryHint);
        return given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/routing/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    static List<Map<String, Object>> classifierVersions() {
        return given().auth()
                .oauth2(COORDINATOR)
                .get("/api/routing/classifier/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void shouldListQueuedCasesUrgentFirstWithTheClassifiersSuggestionAndWhy() {
        String ordinary = CaseEvents.newCaseNumber();
        String urgent = CaseEvents.newCaseNumber();
        ManualDispatchQueued ordinaryEvent = queued(ordinary, "周末来电无人接听，改日再打。", false);
        queued(urgent, "此事由来已久，恳请上级过问。", true);

        List<Map<String, Object>> queue = queue(DISPATCHER);
        List<Object> order = queue.stream().map(q -> q.get("caseNumber")).toList();
        assertTrue(order.contains(ordinary) && order.contains(urgent), "both queued: " + order);
        assertTrue(order.indexOf(urgent) < order.indexOf(ordinary), "urgent first: " + order);

        Map<String, Object> item = inQueue(ordinary).orElseThrow();
        assertEquals("D02", item.get("district"));
        assertEquals("HOTLINE", item.get("channel"));
        assertEquals(false, item.get("urgent"));
        assertEquals("投诉。周末来电无人接听，改日再打。", item.get("content"));
        assertNull(item.get("claimedBy"));
        assertEquals(ordinaryEvent.suggestedCategory(), item.get("suggestedCategory"));
        assertEquals(ordinaryEvent.suggestedLead().code(), item.get("suggestedLead"));
        assertEquals(ordinaryEvent.suggestedLead().name(), item.get("suggestedLeadName"));
        double confidence = ((Number) item.get("confidence")).doubleValue();
        assertEquals(ordinaryEvent.confidence(), confidence, 1e-6); // JSON numbers reach the test as float
        assertTrue(confidence < 0.30, "below routing.min-confidence: " + confidence);
        String explanation = (String) item.get("explanation");
        assertTrue(explanation.contains("置信度") && explanation.contains("权责清单"), explanation);
        assertNotEquals(null, item.get("queuedAt"));
    }

    @Test
    void shouldLetOneDispatcherClaimACaseAndRefuseAnother() {
        String caseNumber = CaseEvents.newCaseNumber();
        queued(caseNumber, "麻烦有关部门管一管，我们等了很久没有人回复。", false);

        claim(DISPATCHER, caseNumber)
                .statusCode(200)
                .body("caseNumber", equalTo(caseNumber))
                .body("claimedBy", equalTo("dispatcher1"))
                .body("claimedAt", notNullValue());
        claim(DISPATCHER, caseNumber).statusCode(200).body("claimedBy", equalTo("dispatcher1"));
        claim(OTHER_DISPATCHER, caseNumber)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:claimed"));
        dispatch(OTHER_DISPATCHER, caseNumber, Map.of("lead", "SCJG", "reason", "抢先派单"))
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:claimed"));
        assertEquals("dispatcher1", inQueue(caseNumber).orElseThrow().get("claimedBy"));
        assertEquals(0, CaseEvents.count(caseNumber, EventType.CASE_ROUTED, Duration.ofSeconds(2)));
    }

    @Test
    void shouldDispatchAQueuedCaseAndPublishCaseRoutedCitingTheMatrixRowReasonAndDispatcher() {
        String caseNumber = CaseEvents.newCaseNumber();
        // says too little to be routed, and nothing about officials (the misconduct guard would hold back "没人管，希望领导重视")
        String text = "我们公司的事情还没有结果，盼早日解决。";
        queued(caseNumber, text, false);
        claim(DISPATCHER, caseNumber).statusCode(200);

        dispatch(
                        DISPATCHER,
                        caseNumber,
                        Map.of("category", "CREDIT_REPAIR", "lead", "SCJG", "reason", "来电补充说明涉及企业信用修复"))
                .statusCode(200)
                .body("caseNumber", equalTo(caseNumber))
                .body("status", equalTo("ROUTED"))
                .body("category", equalTo("CREDIT_REPAIR"))
                .body("lead", equalTo("SCJG"))
                .body("leadName", equalTo("市市场监管局"))
                .body("coHandlers", equalTo(List.of("FGW", "TAX", "CZJ")))
                .body("dispatchCount", equalTo(1))
                .body("designated", equalTo(false));

        CaseRouted routed = CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, 1)
                .get(0);
        Map<String, Object> row = preview("企业信用修复", "CREDIT_REPAIR");
        assertEquals("CREDIT_REPAIR", routed.category());
        assertEquals("企业信用与诚信记录", routed.categoryName());
        assertEquals("SCJG", routed.lead().code());
        assertEquals(
                List.of("FGW", "TAX", "CZJ"),
                routed.coHandlers().stream().map(u -> u.code()).toList());
        assertEquals(CaseEvents.currentMatrixVersion(), routed.matrixVersion());
        assertEquals(((Number) row.get("matrixRowId")).longValue(), routed.matrixRowId());
        assertEquals(row.get("basis"), routed.basis());
        assertEquals("dispatcher1", routed.decidedBy());
        assertTrue(routed.explanation().contains("来电补充说明涉及企业信用修复"), routed.explanation());
        assertEquals(1, routed.dispatchCount());
        assertFalse(routed.designated());
        assertEquals("D02", routed.district());

        assertTrue(inQueue(caseNumber).isEmpty(), "no longer queued");
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/cases/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("currentLead", equalTo("SCJG"))
                .body("decisions.kind", equalTo(List.of("MANUAL_QUEUE", "MANUAL")))
                .body("decisions[1].actor", equalTo("dispatcher1"))
                .body("decisions[1].matrixRowId", equalTo(((Number) row.get("matrixRowId")).intValue()));
        // the lead unit and the co-units read why the case is theirs; other units do not learn it exists
        for (String unit : List.of("SCJG", "TAX")) {
            given().auth()
                    .oauth2(TestTokens.handler("handler-" + unit.toLowerCase(), unit))
                    .get("/api/routing/cases/{caseNumber}", caseNumber)
                    .then()
                    .statusCode(200)
                    .body("currentLead", equalTo("SCJG"));
        }
        given().auth()
                .oauth2(TestTokens.handler("handler-rsj", "RSJ"))
                .get("/api/routing/cases/{caseNumber}", caseNumber)
                .then()
                .statusCode(404);
        // dispatched once: a second dispatch or claim is refused and publishes nothing
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "TAX", "reason", "再派一次"))
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:not-in-manual-queue"));
        claim(OTHER_DISPATCHER, caseNumber)
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:not-in-manual-queue"));
        assertEquals(1, CaseEvents.count(caseNumber, EventType.CASE_ROUTED, Duration.ofSeconds(3)));
    }

    @Test
    void shouldNotCiteAMatrixRowThatNamesAnotherUnitWhenTheDispatcherOverridesTheLead() {
        String caseNumber = CaseEvents.newCaseNumber();
        queued(caseNumber, "您好，盼复，谢谢。", false); // too little to say anything (earlier tests teach the classifier)

        // TAX_RELIEF's row names TAX as lead; the dispatcher sends it to the finance bureau anyway
        dispatch(DISPATCHER, caseNumber, Map.of("category", "TAX_RELIEF", "lead", "CZJ", "reason", "涉及财政返还资金，由财政局牵头"))
                .statusCode(200)
                .body("lead", equalTo("CZJ"))
                .body("category", equalTo("TAX_RELIEF"))
                .body("coHandlers", empty());

        CaseRouted routed = CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, 1)
                .get(0);
        assertEquals("CZJ", routed.lead().code());
        assertEquals(0L, routed.matrixRowId(), "no row of the matrix names CZJ for TAX_RELIEF");
        assertNull(routed.basis(), "no matrix basis for an override");
        assertTrue(routed.explanation().contains("涉及财政返还资金"), routed.explanation());
    }

    @Test
    void shouldRefuseBadDispatchBodiesFieldByFieldAndLeaveTheCaseUnclaimed() {
        String caseNumber = CaseEvents.newCaseNumber();
        queued(caseNumber, "想咨询一下具体怎么办，盼复。", false);

        dispatch(DISPATCHER, caseNumber, Map.of("reason", "无主办单位"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("lead")));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "scjg", "reason", "小写代码"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("lead")));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "SCJG", "reason", " "))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "SCJG", "reason", "x".repeat(1001)))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "SCJG", "category", "credit", "reason", "类别格式"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("category")));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "SCJG", "coHandlers", List.of("fgw"), "reason", "协办格式"))
                .statusCode(400)
                .body("errors[0].field", startsWith("coHandlers"));
        // well-formed but unknown to the reference data
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "NOSUCH", "reason", "不存在的单位"))
                .statusCode(400)
                .body("errors[0].field", equalTo("lead"))
                .body("errors[0].rejectedValue", equalTo("NOSUCH"));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "SCJG", "category", "NO_SUCH_CATEGORY", "reason", "不存在的类别"))
                .statusCode(400)
                .body("errors[0].field", equalTo("category"));
        dispatch(
                        DISPATCHER,
                        caseNumber,
                        Map.of("lead", "SCJG", "coHandlers", List.of("FGW", "NOSUCH"), "reason", "协办不存在"))
                .statusCode(400)
                .body("errors[0].field", equalTo("coHandlers[1]"));
        given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .body("{\"lead\": ")
                .post("/api/routing/cases/{caseNumber}/dispatch", caseNumber)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .post("/api/routing/cases/{caseNumber}/dispatch", caseNumber)
                .then()
                .statusCode(400);

        // a refused dispatch leaves nothing behind: still queued, not claimed, nothing published
        Map<String, Object> item = inQueue(caseNumber).orElseThrow();
        assertNull(item.get("claimedBy"), "the claim of a refused dispatch is rolled back");
        claim(OTHER_DISPATCHER, caseNumber).statusCode(200).body("claimedBy", equalTo("dispatcher2"));
        assertEquals(0, CaseEvents.count(caseNumber, EventType.CASE_ROUTED, Duration.ofSeconds(2)));
    }

    @Test
    void shouldAnswer401WithoutATokenAnd403ForRolesThatDoNotDispatch() {
        String handler = TestTokens.handler("h1", "SCJG");
        String inspector = TestTokens.token("inspector1", "inspector");
        Map<String, Object> dispatchBody = Map.of("lead", "SCJG", "reason", "理由");
        Map<String, Object> ruling = Map.of("upheld", false, "reason", "理由");

        given().get("/api/routing/manual-queue").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/routing/manual-queue/{c}/claim", UNKNOWN_CASE).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(dispatchBody)
                .post("/api/routing/cases/{c}/dispatch", UNKNOWN_CASE)
                .then()
                .statusCode(401);
        given().get("/api/routing/arbitration").then().statusCode(401);
        given().get("/api/routing/returns/stats").then().statusCode(401);

        given().auth().oauth2(handler).get("/api/routing/manual-queue").then().statusCode(403);
        given().auth().oauth2(inspector).get("/api/routing/manual-queue").then().statusCode(403);
        given().auth()
                .oauth2(handler)
                .post("/api/routing/manual-queue/{c}/claim", UNKNOWN_CASE)
                .then()
                .statusCode(403);
        dispatch(handler, UNKNOWN_CASE, dispatchBody).statusCode(403).contentType("application/problem+json");
        dispatch(TestTokens.token("supervisor1", "supervisor"), UNKNOWN_CASE, dispatchBody)
                .statusCode(403);
        // arbitration and designation belong to the coordinator alone
        given().auth().oauth2(DISPATCHER).get("/api/routing/arbitration").then().statusCode(403);
        given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .body(ruling)
                .post("/api/routing/cases/{c}/ruling", UNKNOWN_CASE)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.token("admin1", "admin"))
                .contentType(ContentType.JSON)
                .body(ruling)
                .post("/api/routing/cases/{c}/ruling", UNKNOWN_CASE)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .body(dispatchBody)
                .post("/api/routing/cases/{c}/designation", UNKNOWN_CASE)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/classifier/versions")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(handler)
                .get("/api/routing/units/SCJG/returns")
                .then()
                .statusCode(403);
        given().auth().oauth2(handler).get("/api/routing/returns/stats").then().statusCode(403);
        // and the roles that may, may
        given().auth()
                .oauth2(inspector)
                .get("/api/routing/units/SCJG/returns")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(COORDINATOR)
                .get("/api/routing/manual-queue")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswer404ForAnUnknownCaseOrUnit() {
        claim(DISPATCHER, UNKNOWN_CASE).statusCode(404).contentType("application/problem+json");
        dispatch(DISPATCHER, UNKNOWN_CASE, Map.of("lead", "SCJG", "reason", "理由"))
                .statusCode(404)
                .body("type", equalTo("urn:openysb:problem:not-found"));
        given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("upheld", false, "reason", "理由"))
                .post("/api/routing/cases/{c}/ruling", UNKNOWN_CASE)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "SCJG", "reason", "理由"))
                .post("/api/routing/cases/{c}/designation", UNKNOWN_CASE)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(COORDINATOR)
                .get("/api/routing/units/NOSUCH/returns")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseToDispatchACaseThatWasRoutedAutomatically() {
        String caseNumber = CaseEvents.newCaseNumber();
        CaseEvents.submit(caseNumber, "新办企业营业执照迟迟拿不到，办事窗口态度冷漠。", "D02", "MARKET_ENTRY");
        CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, 1);

        claim(DISPATCHER, caseNumber).statusCode(409).body("type", equalTo("urn:openysb:problem:not-in-manual-queue"));
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "ZWFW", "reason", "改派"))
                .statusCode(409)
                .body("type", equalTo("urn:openysb:problem:not-in-manual-queue"));
        assertEquals(1, CaseEvents.count(caseNumber, EventType.CASE_ROUTED, Duration.ofSeconds(2)));
    }

    @Test
    void shouldLearnFromADispatchersDecisionAndRecordANewClassifierVersion() {
        String caseNumber = CaseEvents.newCaseNumber();
        String text = "请尽快联系我，事情比较复杂，电话里说不清楚。";
        String content = "投诉。" + text; // what routing stores: title。content
        queued(caseNumber, text, false);
        Map<String, Object> before = preview(content, null);
        assertEquals(true, before.get("manualDispatch"));
        assertNotEquals("FOREIGN_INVESTMENT", before.get("category"));
        List<Map<String, Object>> versionsBefore = classifierVersions();
        int latestBefore = (Integer) versionsBefore.get(0).get("version");
        int examplesBefore = (Integer) versionsBefore.get(0).get("examples");

        dispatch(DISPATCHER, caseNumber, Map.of("category", "FOREIGN_INVESTMENT", "lead", "SWJ", "reason", "外资企业来电"))
                .statusCode(200)
                .body("lead", equalTo("SWJ"));

        List<Map<String, Object>> versions = classifierVersions();
        Map<String, Object> latest = versions.get(0);
        assertEquals(latestBefore + 1, latest.get("version"), "one retraining: " + versions);
        assertEquals(examplesBefore + 1, latest.get("examples"), "the decision is one more labelled case");
        assertTrue(
                ((String) latest.get("note")).contains("MANUAL " + caseNumber + " by dispatcher1"), latest.toString());
        assertNotEquals(null, latest.get("trainedAt"));

        Map<String, Object> after = preview(content, null);
        assertEquals("FOREIGN_INVESTMENT", after.get("category"), "the model learned the decision: " + after);
        assertEquals(false, after.get("manualDispatch"));
        assertEquals("SWJ", after.get("lead"));
        assertTrue(
                ((Number) after.get("confidence")).doubleValue() > ((Number) before.get("confidence")).doubleValue());
        // the version list is the coordinator's
        given().auth()
                .oauth2(COORDINATOR)
                .get("/api/routing/classifier/versions")
                .then()
                .body("version", hasItem(latestBefore + 1))
                .body("[0].note", containsString(caseNumber));
    }

    /**
     * Some evidence of officials' misconduct (a hint at gifts), not enough to send it straight to the discipline
     * commission; one text per test, as dispatches teach the classifier.
     */
    private static final String POSSIBLE_MISCONDUCT = "厂房消防验收约了三次都没来，对方说你们懂规矩的话就快了。";

    private static final String ANOTHER_POSSIBLE_MISCONDUCT = "营业执照地址变更迟迟办不下来，窗口说这事要看你们的诚意。";

    @Test
    void shouldHoldBackPossibleMisconductAndSendItElsewhereOnlyWithAConfirmedReasonOnRecord() {
        String caseNumber = CaseEvents.newCaseNumber();
        ManualDispatchQueued q = queued(caseNumber, POSSIBLE_MISCONDUCT, false);
        assertEquals("POSSIBLE_MISCONDUCT", q.reason());
        assertEquals("OFFICIAL_MISCONDUCT", q.suggestedCategory());
        assertEquals("JW", q.suggestedLead().code());
        assertTrue(q.explanation().contains("疑似涉及工作人员作风问题") && q.explanation().contains("懂规矩"), q.explanation());

        Map<String, Object> item = inQueue(caseNumber).orElseThrow();
        assertEquals("POSSIBLE", item.get("misconductLevel"));
        assertEquals("JW", item.get("misconductLead"));
        assertTrue(((String) item.get("misconductEvidence")).contains("懂规矩"), item.toString());

        // another unit without a confirmation: refused field by field in both languages, the case stays unclaimed
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("lead", "ZJJ", "reason", "消防验收超时"),
                Map.of("lead", "ZJJ", "reason", "消防验收超时", "misconductConfirmation", "  "))) {
            dispatch(DISPATCHER, caseNumber, body)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("misconductConfirmation"))
                    .body("errors[0].message", containsString("作风问题"))
                    .body("errors[0].messageEn", containsString("misconduct"));
        }
        assertNull(inQueue(caseNumber).orElseThrow().get("claimedBy"));

        dispatch(
                        DISPATCHER,
                        caseNumber,
                        Map.of(
                                "lead", "ZJJ",
                                "reason", "消防验收超时",
                                "misconductConfirmation", "来电人补充说明“懂规矩”指按规范整改，不涉及工作人员"))
                .statusCode(200)
                .body("lead", equalTo("ZJJ"));
        CaseRouted routed = CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, 1)
                .get(0);
        assertEquals("ZJJ", routed.lead().code());
        assertTrue(
                routed.explanation().contains("派单员确认不交纪检监察机关")
                        && routed.explanation().contains("不涉及工作人员"),
                routed.explanation());
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/cases/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .body("decisions.kind", equalTo(List.of("MANUAL_QUEUE", "MANUAL")))
                .body("decisions[1].actor", equalTo("dispatcher1"))
                .body("decisions[1].explanation", containsString("不涉及工作人员"));
    }

    @Test
    void shouldDispatchPossibleMisconductToTheDisciplineCommissionWithoutAConfirmation() {
        String caseNumber = CaseEvents.newCaseNumber();
        queued(caseNumber, ANOTHER_POSSIBLE_MISCONDUCT, false);
        dispatch(DISPATCHER, caseNumber, Map.of("lead", "JW", "reason", "涉及工作人员索要好处"))
                .statusCode(200)
                .body("lead", equalTo("JW"))
                .body("category", equalTo("OFFICIAL_MISCONDUCT"));
    }

    @Test
    void shouldRouteTheIssuesMisconductExampleToTheDisciplineCommissionCitingTheEvidence() {
        String caseNumber = CaseEvents.newCaseNumber();
        CaseEvents.submit(caseNumber, "住建局审批科的一名科长暗示我们要送点东西才能加快办理，不然就一直压着不批", "D01", null);
        CaseRouted routed = CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, 1)
                .get(0);
        assertEquals("JW", routed.lead().code());
        assertEquals("OFFICIAL_MISCONDUCT", routed.category());
        assertFalse(
                routed.coHandlers().stream().anyMatch(u -> u.code().equals("ZJJ")),
                routed.coHandlers().toString());
        assertTrue(
                routed.explanation().contains("线索「暗示送礼或给钱")
                        && routed.explanation().contains("权责清单"),
                routed.explanation());
    }
}
