package org.openysb.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.intake.model.ScannedFile;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.submittedJson;

/**
 * Letters (来信) entered by the letter clerk with their scanned pages: received at the postmark date, idempotent on the
 * letter reference, pages checked by their first bytes and size, stored in PostgreSQL with their SHA-256 and served
 * back verified, only to the roles that may read them. The test profile's limits: 1 MiB a file, 2 MiB a letter, 5
 * files.
 */
@QuarkusTest
class LetterResourceTest {
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 1000);
    private static final String POSTMARK = "2026-11-18";

    @Inject
    DataSource dataSource;

    static String clerk() {
        return TestTokens.token("clerk1", "letter-clerk");
    }

    static String nextReference() {
        return "XF-2026/" + SEQUENCE.incrementAndGet();
    }

    /** A minimal but real PDF (header, one empty page, trailer). */
    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
                        + "% " + marker + "\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        byte[] png = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        Arrays.fill(png, magic.length, png.length, (byte) 7);
        return png;
    }

    static byte[] jpeg() {
        byte[] jpeg = new byte[48];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xE0;
        return jpeg;
    }

    static byte[] sized(byte[] head, int size) {
        byte[] out = Arrays.copyOf(head, size);
        Arrays.fill(out, head.length, size, (byte) ' ');
        return out;
    }

    static Map<String, Object> letter(String reference, String mobile) {
        Map<String, Object> sender = new HashMap<>();
        sender.put("kind", "PERSON");
        sender.put("name", "赵六");
        sender.put("mobile", mobile);
        sender.put("address", "东城区和平里街道1号");
        Map<String, Object> letter = new HashMap<>();
        letter.put("letterReference", reference);
        letter.put("postmarkDate", POSTMARK);
        letter.put("sender", sender);
        letter.put("type", "COMPLAINT");
        letter.put("title", "来信反映工程款拖欠");
        letter.put("content", "来信人反映其公司承建的区属道路改造工程已验收两年，工程尾款仍未支付，多次催要无果，请求督促支付。");
        letter.put("district", "D02");
        return letter;
    }

    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Page(String name, byte[] content, String type) {}

    static ExtractableResponse<Response> enter(String token, Map<String, Object> letter, Page... pages) {
        RequestSpecification request = given().multiPart("letter", json(letter), "application/json");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        for (Page page : pages) {
            request = request.multiPart("pages", page.name(), page.content(), page.type());
        }
        return request.post("/api/letters").then().extract();
    }

    @Test
    void shouldCreateALetterCaseReceivedAtThePostmarkWithItsScannedPages() {
        String reference = nextReference();
        byte[] first = pdf(reference);
        byte[] second = png();
        var response = enter(
                clerk(),
                letter(reference, newMobile()),
                new Page("page-1.pdf", first, "application/pdf"),
                new Page("scan-2.png", second, "image/png"));
        assertEquals(201, response.statusCode(), response.asString());
        String caseNumber = response.path("caseNumber");
        assertTrue(response.header("Location").endsWith("/api/complaints/" + caseNumber));
        assertEquals(reference, response.path("reference"));
        assertTrue(response.<String>path("queryCode").matches("\\d{6}"));
        assertEquals(
                LocalDate.parse(POSTMARK)
                        .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant(),
                OffsetDateTime.parse(response.<String>path("receivedAt")).toInstant());
        List<Map<String, Object>> attachments = response.path("attachments");
        assertEquals(2, attachments.size());
        assertEquals("page-1.pdf", attachments.get(0).get("fileName"));
        assertEquals("application/pdf", attachments.get(0).get("mediaType"));
        assertEquals(ScannedFile.sha256(first), attachments.get(0).get("sha256"));
        assertEquals(first.length, ((Number) attachments.get(0).get("size")).intValue());
        assertEquals("image/png", attachments.get(1).get("mediaType"));

        // ComplaintSubmitted on channel LETTER, received at the postmark, valid against its schema
        String json = submittedJson(caseNumber);
        assertEquals(EventType.COMPLAINT_SUBMITTED, EventSchemas.assertValid(json));
        ComplaintSubmitted event = EventJson.read(json).dataAs(ComplaintSubmitted.class);
        assertEquals("LETTER", event.channel());
        assertEquals(
                OffsetDateTime.parse(response.<String>path("receivedAt")).toInstant(),
                event.receivedAt().toInstant());
        assertFalse(json.contains("和平里"), "the sender's address stays in intake");

        // the pages come back byte for byte, typed by content, with the SHA-256 as ETag
        String url = (String) attachments.get(0).get("url");
        var download = given().auth()
                .oauth2(TestTokens.token("dispatcher1", "dispatcher"))
                .get(url)
                .then()
                .extract();
        assertEquals(200, download.statusCode(), download.asString());
        assertArrayEquals(first, download.asByteArray());
        assertEquals("application/pdf", download.contentType());
        assertEquals("\"" + ScannedFile.sha256(first) + "\"", download.header("ETag"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertTrue(download.header("Content-Disposition").startsWith("attachment;"));
        var png = given().auth()
                .oauth2(clerk())
                .get((String) attachments.get(1).get("url"))
                .then()
                .extract();
        assertArrayEquals(second, png.asByteArray());
        assertEquals("image/png", png.contentType());
        // a client holding the current version gets 304
        assertEquals(
                304,
                given().auth()
                        .oauth2(TestTokens.token("supervisor1", "supervisor"))
                        .header("If-None-Match", "\"" + ScannedFile.sha256(first) + "\"")
                        .get(url)
                        .statusCode());
        // the list for dispatchers
        List<Map<String, Object>> listed = given().auth()
                .oauth2(TestTokens.token("inspector1", "inspector"))
                .get("/api/complaints/" + caseNumber + "/attachments")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(2, listed.size());
    }

    @Test
    void shouldStoreThePagesDurablyInPostgresqlWithTheirChecksum() throws SQLException {
        String reference = nextReference();
        byte[] page = pdf(reference);
        var response = enter(clerk(), letter(reference, newMobile()), new Page("p1.pdf", page, "application/pdf"));
        assertEquals(201, response.statusCode(), response.asString());
        String caseNumber = response.path("caseNumber");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select sha256, size_bytes, content, media_type from attachment where case_number = ?")) {
            s.setString(1, caseNumber);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the page is a row of the database, committed with its case");
                assertEquals(ScannedFile.sha256(page), rs.getString(1));
                assertEquals(page.length, rs.getLong(2));
                assertArrayEquals(page, rs.getBytes(3));
                assertEquals("application/pdf", rs.getString(4));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void shouldRefuseToServeAPageThatNoLongerMatchesItsChecksum() throws SQLException {
        String reference = nextReference();
        var response =
                enter(clerk(), letter(reference, newMobile()), new Page("p1.pdf", pdf(reference), "application/pdf"));
        assertEquals(201, response.statusCode(), response.asString());
        String url = response.path("attachments[0].url");
        String caseNumber = response.path("caseNumber");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update attachment set content = overlay(content placing '\\x58'::bytea from 20 for 1)"
                                + " where case_number = ?")) {
            s.setString(1, caseNumber);
            assertEquals(1, s.executeUpdate());
        }
        var corrupt = given().auth().oauth2(clerk()).get(url).then().extract();
        assertEquals(500, corrupt.statusCode());
        assertEquals("application/problem+json", corrupt.contentType());
        assertEquals("urn:openysb:problem:attachment-corrupt", corrupt.path("type"));
        assertFalse(corrupt.asString().contains("%PDF"), "no byte of the corrupt file is served");
    }

    @Test
    void shouldAnswerTheSameCaseForTheSameLetterAndRefuseOtherContentUnderItsReference() {
        String reference = nextReference();
        String mobile = newMobile();
        byte[] page = pdf(reference);
        var first = enter(clerk(), letter(reference, mobile), new Page("p1.pdf", page, "application/pdf"));
        assertEquals(201, first.statusCode(), first.asString());
        var again = enter(clerk(), letter(reference, mobile), new Page("p1.pdf", page, "application/pdf"));
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.<String>path("caseNumber"), again.path("caseNumber"));
        assertEquals(first.<String>path("queryCode"), again.path("queryCode"));
        assertEquals(1, again.<List<?>>path("attachments").size(), "the pages are not stored twice");

        Map<String, Object> otherText = letter(reference, mobile);
        otherText.put("content", "内容被改动过的来信，编号相同。");
        var conflict = enter(clerk(), otherText, new Page("p1.pdf", page, "application/pdf"));
        assertEquals(409, conflict.statusCode(), conflict.asString());
        assertEquals("application/problem+json", conflict.contentType());
        assertEquals("urn:openysb:problem:letter-reference-conflict", conflict.path("type"));

        var otherPage =
                enter(clerk(), letter(reference, mobile), new Page("p1.pdf", pdf("another scan"), "application/pdf"));
        assertEquals(409, otherPage.statusCode(), "other pages under the same reference are other content");
    }

    @Test
    void shouldRefuseFilesThatAreNotPdfJpegOrPngByTheirContent() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var disguised =
                enter(clerk(), letter(nextReference(), newMobile()), new Page("scan.pdf", html, "application/pdf"));
        assertEquals(415, disguised.statusCode(), disguised.asString());
        assertEquals("application/problem+json", disguised.contentType());
        assertEquals("urn:openysb:problem:unsupported-attachment-type", disguised.path("type"));

        var mismatch = enter(clerk(), letter(nextReference(), newMobile()), new Page("scan.jpg", png(), "image/jpeg"));
        assertEquals(415, mismatch.statusCode(), mismatch.asString());
        assertEquals("urn:openysb:problem:attachment-type-mismatch", mismatch.path("type"));

        var wordFile = enter(
                clerk(), letter(nextReference(), newMobile()), new Page("scan.doc", pdf("x"), "application/msword"));
        assertEquals(415, wordFile.statusCode(), wordFile.asString());

        // an undeclared type is judged by the content alone
        var octets = enter(
                clerk(),
                letter(nextReference(), newMobile()),
                new Page("scan.bin", jpeg(), "application/octet-stream"));
        assertEquals(201, octets.statusCode(), octets.asString());
        assertEquals("image/jpeg", octets.path("attachments[0].mediaType"));

        var empty = enter(
                clerk(), letter(nextReference(), newMobile()), new Page("empty.pdf", new byte[0], "application/pdf"));
        assertEquals(400, empty.statusCode(), empty.asString());
        assertEquals("urn:openysb:problem:empty-attachment", empty.path("type"));
    }

    @Test
    void shouldEnforceTheSizeLimitsPerFileAndPerLetter() {
        var tooLarge = enter(
                clerk(),
                letter(nextReference(), newMobile()),
                new Page("big.pdf", sized(pdf("big"), 1024 * 1024 + 1), "application/pdf"));
        assertEquals(413, tooLarge.statusCode(), tooLarge.asString());
        assertEquals("application/problem+json", tooLarge.contentType());
        assertEquals("urn:openysb:problem:attachment-too-large", tooLarge.path("type"));
        assertEquals("pages[0]", tooLarge.path("errors[0].field"), "the refused page, for the clerk's form");

        byte[] large = sized(pdf("large"), 800 * 1024);
        var tooMuch = enter(
                clerk(),
                letter(nextReference(), newMobile()),
                new Page("a.pdf", large, "application/pdf"),
                new Page("b.pdf", large, "application/pdf"),
                new Page("c.pdf", large, "application/pdf"));
        assertEquals(413, tooMuch.statusCode(), tooMuch.asString());
        assertEquals("urn:openysb:problem:attachments-too-large", tooMuch.path("type"));
        assertEquals("pages[2]", tooMuch.path("errors[0].field"));

        Page small = new Page("s.png", png(), "image/png");
        var tooMany = enter(clerk(), letter(nextReference(), newMobile()), small, small, small, small, small, small);
        assertEquals(413, tooMany.statusCode(), tooMany.asString());
        assertEquals("urn:openysb:problem:too-many-attachments", tooMany.path("type"));
        assertEquals("pages", tooMany.path("errors[0].field"));

        // exactly at the per-file limit is accepted
        var atLimit = enter(
                clerk(),
                letter(nextReference(), newMobile()),
                new Page("limit.pdf", sized(pdf("limit"), 1024 * 1024), "application/pdf"));
        assertEquals(201, atLimit.statusCode(), atLimit.asString());
    }

    @Test
    void shouldReportFieldErrorsOfTheLetter() {
        Map<String, Object> letter = letter(nextReference(), "12345");
        letter.remove("postmarkDate");
        var invalid = enter(clerk(), letter);
        assertEquals(400, invalid.statusCode(), invalid.asString());
        assertEquals("application/problem+json", invalid.contentType());
        List<String> fields = invalid.path("errors.field");
        assertTrue(fields.contains("postmarkDate"), fields.toString());
        assertTrue(fields.contains("sender.mobile"), fields.toString());

        Map<String, Object> future = letter(nextReference(), newMobile());
        future.put("postmarkDate", LocalDate.now().plusDays(3).toString());
        var futureResponse = enter(clerk(), future);
        assertEquals(400, futureResponse.statusCode(), futureResponse.asString());
        assertEquals("postmarkDate", futureResponse.path("errors[0].field"));

        var noLetter = given().auth()
                .oauth2(clerk())
                .multiPart("pages", "p.png", png(), "image/png")
                .post("/api/letters")
                .then()
                .extract();
        assertEquals(400, noLetter.statusCode(), noLetter.asString());
        assertEquals("letter", noLetter.path("errors[0].field"));

        var notJson = given().auth()
                .oauth2(clerk())
                .multiPart("letter", "{not json", "application/json")
                .post("/api/letters")
                .then()
                .extract();
        assertEquals(400, notJson.statusCode(), notJson.asString());
    }

    @Test
    void shouldLetOnlyTheLetterClerkEnterLettersAndOnlyAuthorisedRolesReadPages() {
        assertEquals(401, enter(null, letter(nextReference(), newMobile())).statusCode());
        assertEquals(
                403,
                enter(TestTokens.token("citizen1", "citizen"), letter(nextReference(), newMobile()))
                        .statusCode());
        assertEquals(
                403,
                enter(TestTokens.token("operator1", "hotline-operator"), letter(nextReference(), newMobile()))
                        .statusCode());

        String reference = nextReference();
        var created =
                enter(clerk(), letter(reference, newMobile()), new Page("p.pdf", pdf(reference), "application/pdf"));
        assertEquals(201, created.statusCode(), created.asString());
        String url = created.path("attachments[0].url");
        assertEquals(401, given().get(url).statusCode());
        assertEquals(
                403,
                given().auth()
                        .oauth2(TestTokens.token("citizen1", "citizen"))
                        .get(url)
                        .statusCode());
        assertEquals(
                403,
                given().auth()
                        .oauth2(TestTokens.handler("handler-scjg", "SCJG"))
                        .get(url)
                        .statusCode());
        assertEquals(
                200,
                given().auth()
                        .oauth2(TestTokens.token("admin1", "admin"))
                        .get(url)
                        .statusCode());
        // an attachment id of another case is not found under this case
        String otherCase = Fixtures.accepted(Fixtures.personComplaint("标题", "网上投诉的内容。", "D01", newMobile()))
                .path("caseNumber");
        String id = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(
                404,
                given().auth()
                        .oauth2(clerk())
                        .get("/api/complaints/" + otherCase + "/attachments/" + id)
                        .statusCode());
        assertNotEquals(otherCase, created.path("caseNumber"));
    }
}
