package org.openysb.routing.rest;

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
}
