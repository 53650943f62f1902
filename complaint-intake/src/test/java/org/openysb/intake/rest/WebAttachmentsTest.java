package org.openysb.intake.rest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;

import org.openysb.intake.model.ScannedFile;
import org.openysb.testsupport.DatabaseAccess;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;
import static org.openysb.intake.rest.Fixtures.verified;
import static org.openysb.intake.rest.LetterResourceTest.json;
import static org.openysb.intake.rest.LetterResourceTest.pdf;
import static org.openysb.intake.rest.LetterResourceTest.png;
import static org.openysb.intake.rest.LetterResourceTest.sized;

/**
 * Web complaints with attachments (multipart: part {@code complaint} and parts {@code attachments}): checked as
 * letters' scanned pages are (test profile: 1 MiB a file, 2 MiB in all, 5 files), stored with the case in its
 * transaction and read back by the roles that may; a refused file is a field error on {@code attachments[i]}, and a
 * refused complaint stores none of its files.
 */
@QuarkusTest
class WebAttachmentsTest {
    @Inject
    DataSource dataSource;

    /** File names in UTF-8, as browsers send them (路面.png), instead of HttpClient's strict US-ASCII. */
    private static final RestAssuredConfig BROWSER = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8));

    record File(String name, byte[] content, String type) {}

    static ExtractableResponse<Response> submit(Map<String, Object> complaint, File... files) {
        RequestSpecification request =
                given().config(BROWSER).multiPart("complaint", json(complaint), "application/json");
        for (File file : files) {
            request = request.multiPart("attachments", file.name(), file.content(), file.type());
        }
        return request.post("/api/complaints").then().extract();
    }

    private static Map<String, Object> complaint(String title) {
        return verified(personComplaint(title, "门前道路破损，附照片和情况说明。", "D01", newMobile()));
    }

    private int storedWithChecksum(byte[] content) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from attachment where sha256 = ?")) {
            s.setString(1, ScannedFile.sha256(content));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void shouldStoreAPngAndAPdfWithTheCaseForADispatcherToReadBack() {
        byte[] photo = png();
        byte[] statement = pdf("web-" + System.nanoTime());
        var receipt = submit(
                complaint("道路破损（附照片）"),
                new File("路面.png", photo, "image/png"),
                new File("说明.pdf", statement, "application/pdf"));
        assertEquals(201, receipt.statusCode(), receipt.asString());
        String caseNumber = receipt.path("caseNumber");
        assertEquals(true, receipt.<String>path("queryCode").matches("\\d{6}"));

        String dispatcher = TestTokens.token("dispatcher-web", "dispatcher");
        var listed = given().auth()
                .oauth2(dispatcher)
                .get("/api/complaints/{caseNumber}/attachments", caseNumber)
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].fileName", equalTo("路面.png"))
                .body("[0].mediaType", equalTo("image/png"))
                .body("[0].size", equalTo(photo.length))
                .body("[0].sha256", equalTo(ScannedFile.sha256(photo)))
                .body("[1].fileName", equalTo("说明.pdf"))
                .body("[1].mediaType", equalTo("application/pdf"))
                .extract();
        byte[] downloaded = given().auth()
                .oauth2(dispatcher)
                .get(listed.<String>path("[1].url"))
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertArrayEquals(statement, downloaded);
        // the public never sees them
        given().get("/api/complaints/{caseNumber}/attachments", caseNumber)
                .then()
                .statusCode(401);
    }

    @Test
    void shouldAcceptAComplaintWithoutAttachmentsAsMultipart() {
        // and a long content in the JSON part (more than the default 2 KiB form attribute)
        Map<String, Object> body = new java.util.HashMap<>(complaint("无附件"));
        body.put("content", "情况说明。".repeat(900));
        var receipt = submit(body);
        assertEquals(201, receipt.statusCode(), receipt.asString());
        given().auth()
                .oauth2(TestTokens.token("dispatcher-web", "dispatcher"))
                .get("/api/complaints/{caseNumber}/attachments", receipt.<String>path("caseNumber"))
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void shouldRefuseAFileThatIsNotPdfJpegOrPngWithAFieldErrorAndStoreNothing() throws Exception {
        byte[] photo = sized(png(), 200);
        photo[100] = (byte) System.nanoTime(); // its own checksum
        byte[] script = "#!/bin/sh\necho hello\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var response = submit(
                complaint("附件类型不符"),
                new File("photo.png", photo, "image/png"),
                new File("run.sh", script, "application/x-sh"));
        assertEquals(415, response.statusCode(), response.asString());
        response.response()
                .then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:unsupported-attachment-type"))
                .body("errors[0].field", equalTo("attachments[1]"))
                .body("errors[0].message", equalTo("只能上传 PDF、JPEG 或 PNG 文件"))
                .body("errors[0].messageEn", equalTo("only PDF, JPEG or PNG files"));
        assertEquals(0, storedWithChecksum(photo));
    }

    @Test
    void shouldRefuseAFileAboveTheSizeLimitWithAFieldError() {
        var response =
                submit(complaint("附件过大"), new File("big.pdf", sized(pdf("big"), 1024 * 1024 + 1), "application/pdf"));
        assertEquals(413, response.statusCode(), response.asString());
        response.response()
                .then()
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:attachment-too-large"))
                .body("errors[0].field", equalTo("attachments[0]"))
                .body("errors[0].message", equalTo("文件过大，单个附件不能超过1 MB"));
    }

    @Test
    void shouldRefuseMoreFilesThanTheLimit() {
        File[] six = new File[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new File("p" + i + ".png", png(), "image/png");
        }
        var response = submit(complaint("附件过多"), six);
        assertEquals(413, response.statusCode(), response.asString());
        response.response().then().body("errors[0].field", equalTo("attachments"));
    }

    @Test
    void shouldStoreNoFileOfAComplaintThatIsRefused() throws Exception {
        byte[] photo = sized(png(), 300);
        photo[200] = (byte) System.nanoTime();
        Map<String, Object> unverified =
                new java.util.HashMap<>(personComplaint("未验证手机号", "未验证手机号的投诉。", "D01", newMobile()));
        var response = submit(unverified, new File("photo.png", photo, "image/png"));
        assertEquals(400, response.statusCode(), response.asString());
        response.response().then().body("errors[0].field", equalTo("mobileVerification"));
        assertEquals(0, storedWithChecksum(photo));
    }

    @Test
    void shouldNameTheFieldsOfAnInvalidComplaintPart() {
        Map<String, Object> body = new java.util.HashMap<>(complaint("标题"));
        body.put("title", "");
        var response = submit(body, new File("photo.png", png(), "image/png"));
        assertEquals(400, response.statusCode(), response.asString());
        response.response().then().body("errors[0].field", equalTo("title"));
        submit(Map.of()).response().then().statusCode(400);
        given().multiPart("attachments", "photo.png", png(), "image/png")
                .post("/api/complaints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("complaint"));
    }

    @Test
    void shouldNotStoreTheCaseWhenItsFilesCannotBeStored() throws Exception {
        String title = "附件未能保存" + System.nanoTime();
        String fileName = "refused-" + System.nanoTime() + ".pdf";
        byte[] statement = pdf(fileName);
        // the trigger is the migration role's to create: the service's own role cannot
        try (Connection c = DatabaseAccess.asMigrationRole();
                java.sql.Statement s = c.createStatement()) {
            s.execute("create or replace function refuse_test_attachment() returns trigger language plpgsql as $$"
                    + " begin if new.file_name = '" + fileName + "' then raise exception 'refused by test trigger';"
                    + " end if; return new; end $$");
            s.execute("create trigger refuse_test_attachment before insert on attachment for each row"
                    + " execute function refuse_test_attachment()");
        }
        try {
            Map<String, Object> body = new java.util.HashMap<>(complaint(title));
            var response = submit(
                    body, new File("photo.png", png(), "image/png"), new File(fileName, statement, "application/pdf"));
            assertEquals(500, response.statusCode(), response.asString());
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("select count(*) from complaint where title = ?")) {
                s.setString(1, title);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(0, r.getInt(1), "no case without its files");
                }
            }
            assertEquals(0, storedWithChecksum(statement));
        } finally {
            try (Connection c = DatabaseAccess.asMigrationRole();
                    java.sql.Statement s = c.createStatement()) {
                s.execute("drop trigger refuse_test_attachment on attachment");
                s.execute("drop function refuse_test_attachment()");
            }
        }
    }
}
