package org.openysb.routing.dispatch.rest;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RoutingResourceTest {
    private static final Map<String, Object> BODY =
            Map.of("content", "我们是小微企业，六税两费减半征收的优惠没有享受到，税务部门说需要重新核定。", "district", "D01", "type", "COMPLAINT");

    @Test
    void shouldPreviewWithCategoryLeadBasisExplanationAndAlternatives() {
        given().auth()
                .oauth2(TestTokens.token("dispatcher1", "dispatcher"))
                .contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/routing/preview")
                .then()
                .statusCode(200)
                .body("category", equalTo("TAX_RELIEF"))
                .body("lead", equalTo("TAX"))
                .body("coHandlers", hasItem("CZJ"))
                .body("confidence", greaterThan(0.0f))
                .body("matrixVersion", equalTo(org.openysb.routing.CaseEvents.currentMatrixVersion()))
                .body("basis", notNullValue())
                .body("explanation", notNullValue())
                .body("alternatives.size()", equalTo(3));
    }

    @Test
    void shouldPreviewForTheHotlineOperatorWhoTakesTheCallButNotForHandlers() {
        given().auth()
                .oauth2(TestTokens.token("operator1", "hotline-operator"))
                .contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/routing/preview")
                .then()
                .statusCode(200)
                .body("lead", equalTo("TAX"));
        given().auth()
                .oauth2(TestTokens.handler("handler-tax", "TAX"))
                .contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/routing/preview")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldNotPreviewWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/routing/preview")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotPreviewForAHandler() {
        given().auth()
                .oauth2(TestTokens.handler("h", "TAX"))
                .contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/routing/preview")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldNotPreviewAnEmptyText() {
        given().auth()
                .oauth2(TestTokens.token("dispatcher1", "dispatcher"))
                .contentType(ContentType.JSON)
                .body(Map.of("content", "", "district", "D01"))
                .post("/api/routing/preview")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"));
    }

    @Test
    void shouldAnswer404ForAnUnknownCase() {
        given().auth()
                .oauth2(TestTokens.token("inspector1", "inspector"))
                .get("/api/routing/cases/TS209901010001")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldPreviewAComplaintAboutAnOfficialAsMisconductForTheDisciplineCommission() {
        given().auth()
                .oauth2(TestTokens.token("operator1", "hotline-operator"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "content", "住建局审批科的一名科长暗示我们要送点东西才能加快办理，不然就一直压着不批",
                        "district", "D01",
                        "type", "COMPLAINT"))
                .post("/api/routing/preview")
                .then()
                .statusCode(200)
                .body("category", equalTo("OFFICIAL_MISCONDUCT"))
                .body("lead", equalTo("JW"))
                .body("manualDispatch", equalTo(false))
                .body("misconduct.level", equalTo("STRONG"))
                .body("misconduct.evidence", hasItem(org.hamcrest.Matchers.startsWith("线索「暗示送礼或给钱")))
                .body("explanation", org.hamcrest.Matchers.containsString("作风问题研判概率"));
        // an ordinary complaint: the guard finds nothing, routing is unchanged
        given().auth()
                .oauth2(TestTokens.token("dispatcher1", "dispatcher"))
                .contentType(ContentType.JSON)
                .body(BODY)
                .post("/api/routing/preview")
                .then()
                .statusCode(200)
                .body("lead", equalTo("TAX"))
                .body("misconduct.level", equalTo("NONE"))
                .body("manualReason", org.hamcrest.Matchers.nullValue());
    }
}
