package org.openysb.intake.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** The complaint form's reference data: public, cacheable, and what the submission endpoints accept. */
@QuarkusTest
class ReferenceDataResourceTest {

    @Test
    void shouldListTheTypesWithChineseAndEnglishNames() {
        given().get("/api/reference-data")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age="))
                .body("types", hasSize(5))
                .body("types.code", equalTo(java.util.List.of("INQUIRY", "HELP", "SUGGESTION", "COMPLAINT", "REPORT")))
                .body("types.find { it.code == 'COMPLAINT' }.name", equalTo("投诉"))
                .body("types.find { it.code == 'COMPLAINT' }.nameEn", equalTo("Complaint"))
                .body("types.find { it.code == 'SUGGESTION' }.name", equalTo("意见建议"))
                .body("types.find { it.code == 'REPORT' }.name", equalTo("举报"));
    }

    @Test
    void shouldListTheDistrictsByAreaAndTheUnits() {
        given().get("/api/reference-data")
                .then()
                .statusCode(200)
                .body("districts.code", equalTo(java.util.List.of("D01", "D02", "D03")))
                .body("districts[0].name", equalTo("东城区"))
                .body("districts[2].name", equalTo("高新区"))
                .body("units.code", hasItems("SCJG", "ZWFW", "TAX", "D01"))
                .body("units.find { it.code == 'SCJG' }.name", equalTo("市市场监管局"))
                .body("units.find { it.code == 'SCJG' }.nameEn", equalTo("Market Regulation Administration"));
    }

    @Test
    void shouldListTheMatrixCategoriesOnceEach() {
        given().get("/api/reference-data")
                .then()
                .statusCode(200)
                .body("categories.code", hasItems("TAX_RELIEF", "POLICY_DELIVERY", "ARREARS"))
                .body("categories.findAll { it.code == 'ARREARS' }", hasSize(1))
                .body("categories.find { it.code == 'TAX_RELIEF' }.name", equalTo("减税降费与税费优惠"))
                .body("categories.find { it.code == 'TAX_RELIEF' }.nameEn", equalTo("Tax and fee relief"));
    }

    @Test
    void shouldGiveTheAttachmentLimitsOfTheLetters() {
        // the test profile's limits: 5 files, 1 MiB each, 2 MiB in all
        given().get("/api/reference-data")
                .then()
                .statusCode(200)
                .body("attachments.maxFiles", equalTo(5))
                .body("attachments.maxBytes", equalTo(1024 * 1024))
                .body("attachments.maxTotalBytes", equalTo(2 * 1024 * 1024))
                .body(
                        "attachments.mediaTypes",
                        equalTo(java.util.List.of("image/jpeg", "image/png", "application/pdf")));
    }
}
