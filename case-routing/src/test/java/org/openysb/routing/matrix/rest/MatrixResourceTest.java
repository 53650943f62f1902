package org.openysb.routing.matrix.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.routing.CaseEvents;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The responsibility-matrix admin API: versions, CSV import, row edits, and that routing uses what was imported. */
@QuarkusTest
class MatrixResourceTest {
    private static final String ADMIN = TestTokens.token("admin1", "admin");
    private static final String DISPATCHER = TestTokens.token("dispatcher1", "dispatcher");
    private static final String COORDINATOR = TestTokens.token("coordinator1", "coordinator");
    private static final String DEFAULT_CSV = read();

    private static String read() {
        try {
            return Files.readString(Path.of("..", "reference-data", "responsibility-matrix.csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Other test classes expect the default rows: put them back (as a newer version). */
    @AfterEach
    void restoreDefaultMatrix() {
        importCsv(ADMIN, DEFAULT_CSV, "restore default")
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    static ValidatableResponse importCsv(String token, String csv, String note) {
        return given().auth()
                .oauth2(token)
                .contentType("text/csv; charset=UTF-8")
                .queryParam("note", note)
                .body(csv)
                .post("/api/routing/matrix")
                .then();
    }

    static Map<String, Object> matrix(String path) {
        return given().auth()
                .oauth2(DISPATCHER)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(Map<String, Object> matrix, String category, String scope) {
        return ((List<Map<String, Object>>) matrix.get("rows"))
                .stream()
                        .filter(r -> category.equals(r.get("category")) && scope.equals(r.get("scope")))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError(category + "×" + scope + " not in " + matrix.get("version")));
    }

    static Map<String, Object> preview(String district) {
        return given().auth()
                .oauth2(DISPATCHER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "content", "公司准备上市，辅导备案的扶持政策没有兑现。", "district", district, "categoryHint", "LISTING_SUPPORT"))
                .post("/api/routing/preview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    static CaseRouted route(String district) {
        String caseNumber = CaseEvents.newCaseNumber();
        CaseEvents.submit(caseNumber, "公司准备上市，辅导备案的扶持政策没有兑现。", district, "LISTING_SUPPORT");
        return CaseEvents.await(caseNumber, EventType.CASE_ROUTED, CaseRouted.class, 1)
                .get(0);
    }

    @Test
    void dispatchersAndCoordinatorsReadTheMatrixAndTheUnits() {
        Map<String, Object> current = matrix("/api/routing/matrix");
        assertEquals(true, current.get("current"));
        Map<String, Object> tax = row(current, "TAX_RELIEF", "city");
        assertEquals("TAX", tax.get("lead"));
        assertEquals("市税务局", tax.get("leadName"));
        assertEquals(List.of("CZJ", "GXJ", "SCJG"), tax.get("coHandlers"));
        assertEquals("D01", row(current, "ARREARS", "D01").get("lead"));
        given().auth()
                .oauth2(COORDINATOR)
                .get("/api/routing/matrix/versions")
                .then()
                .statusCode(200)
                .body("version", hasItem(1))
                .body("find { it.version == 1 }.createdBy", equalTo("system"))
                .body("find { it.version == 1 }.rows", equalTo(28));
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/units")
                .then()
                .statusCode(200)
                .body("find { it.code == 'D01' }.kind", equalTo("district"))
                .body("find { it.code == 'JW' }.nameZh", equalTo("市纪委监委"));
        // a handler picks the basis of a return from the matrix in force, and reads nothing else of it
        given().auth()
                .oauth2(org.openysb.testsupport.TestTokens.handler("handler-tax", "TAX"))
                .get("/api/routing/matrix")
                .then()
                .statusCode(200)
                .body("current", equalTo(true));
        given().auth()
                .oauth2(org.openysb.testsupport.TestTokens.handler("handler-tax", "TAX"))
                .get("/api/routing/matrix/versions")
                .then()
                .statusCode(403);
    }

    @Test
    void anImportIsANewVersionThatPreviewAndRoutingUseWhileOldDecisionsKeepTheirVersionAndRow() {
        CaseRouted before = route("D01");
        assertEquals("JRB", before.lead().code());
        int oldVersion = CaseEvents.currentMatrixVersion();
        assertEquals(oldVersion, before.matrixVersion());
        long oldRowId = ((Number) row(matrix("/api/routing/matrix"), "LISTING_SUPPORT", "city")
                        .get("id"))
                .longValue();
        assertEquals(oldRowId, before.matrixRowId());

        String csv = DEFAULT_CSV.replace(
                        "LISTING_SUPPORT,企业上市扶持,Support for listing on stock markets,JRB,FGW;CZJ;GXJ;GZW,city,",
                        "LISTING_SUPPORT,企业上市扶持,Support for listing on stock markets,GZW,FGW;CZJ;GXJ,city,")
                + "LISTING_SUPPORT,企业上市扶持（区属企业）,Listing support for district companies,D02,JRB,D02,\"区上市工作方案 第3条, 属地负责\"\n";
        Map<String, Object> imported = importCsv(ADMIN, csv, "上市扶持改由国资委牵头")
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/routing/matrix/versions/" + (oldVersion + 1)))
                .body("created", equalTo(true))
                .body("version.version", equalTo(oldVersion + 1))
                .body("version.createdBy", equalTo("admin1"))
                .body("version.note", equalTo("上市扶持改由国资委牵头"))
                .body("version.rows", equalTo(29))
                .extract()
                .jsonPath()
                .getMap("version");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) imported.get("changes");
        assertEquals(2, changes.size(), changes.toString());
        assertTrue(
                changes.stream()
                        .anyMatch(c -> c.get("change").equals("CHANGED")
                                && c.get("scope").equals("city")
                                && c.get("fields").toString().contains("before=JRB, after=GZW")),
                changes.toString());
        assertTrue(changes.stream()
                .anyMatch(c -> c.get("change").equals("ADDED") && c.get("scope").equals("D02")));

        int newVersion = oldVersion + 1;
        assertEquals(newVersion, CaseEvents.currentMatrixVersion());
        Map<String, Object> current = matrix("/api/routing/matrix");
        assertEquals("区上市工作方案 第3条, 属地负责", row(current, "LISTING_SUPPORT", "D02").get("basis"));

        Map<String, Object> cityPreview = preview("D01");
        assertEquals("GZW", cityPreview.get("lead"));
        assertEquals(newVersion, cityPreview.get("matrixVersion"));
        assertEquals(
                ((Number) row(current, "LISTING_SUPPORT", "city").get("id")).longValue(),
                ((Number) cityPreview.get("matrixRowId")).longValue());
        assertEquals("D02", preview("D02").get("lead"), "the district row beats the city row");

        CaseRouted after = route("D02");
        assertEquals("D02", after.lead().code());
        assertEquals(newVersion, after.matrixVersion());
        assertEquals(((Number) row(current, "LISTING_SUPPORT", "D02").get("id")).longValue(), after.matrixRowId());
        assertEquals(
                List.of("JRB"), after.coHandlers().stream().map(u -> u.code()).toList());
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/cases/{cn}", after.caseNumber())
                .then()
                .statusCode(200)
                .body("decisions[0].matrixVersion", equalTo(newVersion))
                .body("decisions[0].lead", equalTo("D02"));

        // the case routed before keeps citing the old version and row, and that version is still readable
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/cases/{cn}", before.caseNumber())
                .then()
                .statusCode(200)
                .body("decisions[0].matrixVersion", equalTo(oldVersion))
                .body("decisions[0].matrixRowId", equalTo((int) oldRowId));
        Map<String, Object> old = matrix("/api/routing/matrix/versions/" + oldVersion);
        assertEquals(false, old.get("current"));
        assertEquals("JRB", row(old, "LISTING_SUPPORT", "city").get("lead"));
        assertEquals(oldRowId, ((Number) row(old, "LISTING_SUPPORT", "city").get("id")).longValue());
        given().auth()
                .oauth2(DISPATCHER)
                .get("/api/routing/matrix/versions")
                .then()
                .statusCode(200)
                .body("[0].version", equalTo(newVersion))
                .body("[0].createdBy", equalTo("admin1"));

        // importing the same rows again changes nothing and makes no version
        importCsv(ADMIN, csv, "again")
                .statusCode(200)
                .body("created", equalTo(false))
                .body("version.version", equalTo(newVersion));
    }

    @Test
    void aBadCsvIsRejectedWithEveryRowAndFieldErrorAndNothingIsImported() {
        int version = CaseEvents.currentMatrixVersion();
        int versions = given().auth()
                .oauth2(ADMIN)
                .get("/api/routing/matrix/versions")
                .then()
                .extract()
                .path("size()");
        String csv = DEFAULT_CSV
                + "LISTING_SUPPORT,企业上市扶持,Listing,NOSUCH,FGW,D09,区方案\n" // line 30: unknown lead, unknown district
                + "TAX_RELIEF,减税降费,Tax relief,TAX,CZJ;XYZ,city,市方案 第2项\n" // line 31: duplicate, unknown co-handler
                + "FINANCING_NEW,新类别,New,JRB,,city,\n" // line 32: missing basis
                + "BROKEN,只有三列,three\n"; // line 33
        ValidatableResponse r = importCsv(ADMIN, csv, "bad")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:matrix-invalid"))
                .body("status", equalTo(400));
        List<Map<String, Object>> errors = r.extract().jsonPath().getList("errors");
        List<String> fields = errors.stream().map(e -> (String) e.get("field")).toList();
        assertTrue(fields.contains("line[30].lead"), fields.toString());
        assertTrue(fields.contains("line[30].scope"), fields.toString());
        assertTrue(fields.contains("line[31].scope"), "duplicate category × scope: " + fields);
        assertTrue(fields.contains("line[31].co_handlers"), fields.toString());
        assertTrue(fields.contains("line[32].basis"), fields.toString());
        assertTrue(fields.contains("line[33]"), fields.toString());
        assertTrue(errors.stream().anyMatch(e -> "NOSUCH".equals(e.get("rejectedValue"))));
        assertTrue(errors.stream().allMatch(e -> e.get("message") != null && e.get("messageEn") != null));

        importCsv(ADMIN, "category,lead\nX,Y\n", "no header")
                .statusCode(400)
                .body("errors[0].field", equalTo("line[1]"));
        importCsv(ADMIN, DEFAULT_CSV.replaceAll("(?m)^OFFICIAL_MISCONDUCT.*\\n", ""), "no discipline row")
                .statusCode(400)
                .body("errors.field", hasItem("rows"));

        assertEquals(version, CaseEvents.currentMatrixVersion(), "nothing imported");
        given().auth().oauth2(ADMIN).get("/api/routing/matrix/versions").then().body("size()", equalTo(versions));
        assertEquals("JRB", preview("D01").get("lead"));
    }

    @Test
    void editingOrRemovingOneRowMakesANewVersion() {
        int version = CaseEvents.currentMatrixVersion();
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "CZJ", "coHandlers", List.of("JRB"), "note", "财政局牵头"))
                .put("/api/routing/matrix/rows/LISTING_SUPPORT/city")
                .then()
                .statusCode(201)
                .body("version.version", equalTo(version + 1))
                .body("version.changes[0].change", equalTo("CHANGED"))
                .body("version.changes[0].fields.field", org.hamcrest.Matchers.contains("lead", "coHandlers"));
        Map<String, Object> p = preview("D01");
        assertEquals("CZJ", p.get("lead"));
        assertEquals(version + 1, p.get("matrixVersion"));

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "D03", "basis", "高新区上市扶持办法 第2条"))
                .put("/api/routing/matrix/rows/LISTING_SUPPORT/D03")
                .then()
                .statusCode(201)
                .body("version.changes[0].change", equalTo("ADDED"));
        assertEquals("D03", preview("D03").get("lead"));
        assertEquals(
                "企业上市扶持",
                row(matrix("/api/routing/matrix"), "LISTING_SUPPORT", "D03").get("nameZh"));

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "NOSUCH"))
                .put("/api/routing/matrix/rows/LISTING_SUPPORT/city")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lead"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "D03"))
                .put("/api/routing/matrix/rows/LISTING_SUPPORT/D99")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("scope"));

        given().auth()
                .oauth2(ADMIN)
                .delete("/api/routing/matrix/rows/LISTING_SUPPORT/D03")
                .then()
                .statusCode(201)
                .body("version.version", equalTo(version + 3))
                .body("version.changes[0].change", equalTo("REMOVED"));
        assertEquals("CZJ", preview("D03").get("lead"), "back to the city row");
        given().auth()
                .oauth2(ADMIN)
                .delete("/api/routing/matrix/rows/OFFICIAL_MISCONDUCT/city")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN)
                .delete("/api/routing/matrix/rows/NOSUCH/city")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyAdministratorsChangeTheMatrix() {
        int version = CaseEvents.currentMatrixVersion();
        importCsv(DISPATCHER, DEFAULT_CSV, "x").statusCode(403).contentType("application/problem+json");
        importCsv(COORDINATOR, DEFAULT_CSV, "x").statusCode(403);
        given().contentType("text/csv; charset=UTF-8")
                .body(DEFAULT_CSV)
                .post("/api/routing/matrix")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(COORDINATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("lead", "CZJ"))
                .put("/api/routing/matrix/rows/LISTING_SUPPORT/city")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DISPATCHER)
                .delete("/api/routing/matrix/rows/LISTING_SUPPORT/city")
                .then()
                .statusCode(403);
        importCsv(TestTokens.handler("h1", "TAX"), DEFAULT_CSV, "x").statusCode(403);
        assertEquals(version, CaseEvents.currentMatrixVersion());
        assertFalse(given().auth()
                .oauth2(ADMIN)
                .get("/api/routing/matrix")
                .then()
                .extract()
                .path("rows")
                .toString()
                .isEmpty());
    }
}
