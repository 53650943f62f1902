package org.openysb.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.accepted;
import static org.openysb.intake.rest.Fixtures.complainantOf;
import static org.openysb.intake.rest.Fixtures.newIdNumber;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.personComplaint;
import static org.openysb.intake.rest.Fixtures.submitted;
import static org.openysb.intake.rest.Fixtures.submittedJson;

/**
 * Personal data (mobile, ID number, email, credit code) is encrypted at rest, never in clear in PostgreSQL, in
 * responses, in log lines or on ysb.complaints; only its masked form leaves the service.
 */
@QuarkusTest
class PersonalDataAtRestTest {
    private static final String CREDIT_CODE = "91350100M000100Y43";

    @Inject
    DataSource dataSource;

    @Test
    void shouldStoreMobileIdNumberAndEmailOnlyEncrypted() throws Exception {
        String mobile = newMobile();
        String idNumber = newIdNumber();
        String email = "zhang" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.cn";
        Map<String, Object> body = personComplaint("小区商铺办证难", "商铺办理经营许可多次被要求补充材料。", "D01", mobile);
        complainantOf(body).put("idNumber", idNumber);
        complainantOf(body).put("email", email);

        String caseNumber = accepted(body).path("caseNumber");

        Map<String, String> row = complaintColumns(caseNumber);
        assertSealed(row.get("complainant_mobile"), mobile);
        assertSealed(row.get("complainant_id_number"), idNumber);
        assertSealed(row.get("complainant_email"), email);
        String hash = row.get("complainant_mobile_hash");
        assertNotNull(hash, "a lookup hash of the mobile is kept");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        String whole = rowAsText("complaint", caseNumber);
        for (String clear : List.of(mobile, idNumber, email, mobile.substring(3))) {
            assertFalse(whole.contains(clear), "no column holds " + clear + " in clear: " + whole);
        }
    }

    @Test
    void shouldStoreTheCreditCodeEncryptedWhetherConfidentialOrNot() throws Exception {
        for (boolean confidential : List.of(true, false)) {
            Map<String, Object> body = new HashMap<>(ComplaintResourceTest.validComplaint());
            Map<String, Object> enterprise = new HashMap<>(complainantOf(body));
            enterprise.put("mobile", newMobile());
            body.put("complainant", enterprise);
            body.put("confidential", confidential);

            String caseNumber = accepted(body).path("caseNumber");

            assertSealed(complaintColumns(caseNumber).get("complainant_credit_code"), CREDIT_CODE);
            assertFalse(rowAsText("complaint", caseNumber).contains(CREDIT_CODE));
            String json = submittedJson(caseNumber);
            assertFalse(json.contains(CREDIT_CODE), "no credit code on ysb.complaints: " + json);
        }
    }

    @Test
    void shouldSealTheSameMobileDifferentlyEachTimeButFindItByItsLookupHash() throws Exception {
        String mobile = newMobile();
        String first = accepted(personComplaint("占道经营投诉", "门前有摊贩长期占道经营。", "D02", mobile))
                .path("caseNumber");
        String second = accepted(personComplaint("噪音扰民投诉", "楼下酒吧深夜噪音扰民。", "D03", mobile))
                .path("caseNumber");
        String other = accepted(personComplaint("噪音扰民投诉", "楼下酒吧深夜噪音扰民。", "D03", newMobile()))
                .path("caseNumber");

        Map<String, String> a = complaintColumns(first);
        Map<String, String> b = complaintColumns(second);
        assertNotEquals(a.get("complainant_mobile"), b.get("complainant_mobile"), "a fresh nonce for every write");
        assertEquals(a.get("complainant_mobile_hash"), b.get("complainant_mobile_hash"));
        assertNotEquals(
                a.get("complainant_mobile_hash"), complaintColumns(other).get("complainant_mobile_hash"));
    }

    @Test
    void shouldPublishAndShowOnlyTheMaskedMobile() {
        String mobile = newMobile();
        String idNumber = newIdNumber();
        Map<String, Object> body = personComplaint("公交站台损坏", "公交站台顶棚损坏多日无人维修。", "D02", mobile);
        complainantOf(body).put("idNumber", idNumber);
        body.put("confidential", true);
        var receipt = accepted(body);
        String caseNumber = receipt.path("caseNumber");

        String json = submittedJson(caseNumber);
        assertFalse(json.contains(mobile), "no clear mobile on ysb.complaints: " + json);
        assertFalse(json.contains(idNumber), "no ID number on ysb.complaints: " + json);
        ComplaintSubmitted event = submitted(caseNumber);
        assertEquals(
                mobile.substring(0, 3) + "****" + mobile.substring(7),
                event.complainant().maskedMobile());
        assertNull(event.complainant().displayName(), "a confidential complainant's name is not published");
        assertTrue(event.complainant().contactable());
        assertNotNull(event.complainant().ref());
        assertFalse(event.complainant().ref().contains(mobile.substring(3)));

        String tracking = given().queryParam("queryCode", receipt.<String>path("queryCode"))
                .get("/api/complaints/{caseNumber}", caseNumber)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(tracking.contains(mobile.substring(3)) || tracking.contains(idNumber), tracking);
        assertFalse(receipt.asString().contains(mobile.substring(3)), receipt.asString());
    }

    @Test
    void shouldStoreTheHotlineCallersNumberAndQueryCodeEncrypted() throws Exception {
        String phone = newMobile();
        Map<String, Object> order = HotlineResourceTest.workOrder(HotlineResourceTest.nextNumber());
        order.put("callerPhone", phone);
        order.put("summary", "来电反映停车场收费不规范");
        order.put("content", "来电人反映某停车场未公示收费标准，多收停车费。");
        var response = HotlineResourceTest.push(HotlineResourceTest.callCentre(), order);
        assertEquals(201, response.statusCode(), response.asString());
        String caseNumber = response.path("caseNumber");
        String queryCode = response.path("queryCode");

        Map<String, String> workOrder =
                columns("select caller_phone, query_code from hotline_work_order where case_number = ?", caseNumber);
        assertSealed(workOrder.get("caller_phone"), phone);
        assertSealed(workOrder.get("query_code"), queryCode);
        assertSealed(complaintColumns(caseNumber).get("complainant_mobile"), phone);
        assertFalse(rowAsText("complaint", caseNumber).contains(phone));
        assertFalse(submittedJson(caseNumber).contains(phone));
    }

    @Test
    void shouldNotWriteClearPersonalDataToTheLog() {
        String mobile = newMobile();
        String idNumber = newIdNumber();
        String phone = newMobile();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (lines) {
                    lines.add(String.valueOf(message) + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            Map<String, Object> body = personComplaint("农贸市场乱收费", "农贸市场管理方违规收取摊位费。", "D03", mobile);
            complainantOf(body).put("idNumber", idNumber);
            var receipt = accepted(body);
            given().queryParam("queryCode", receipt.<String>path("queryCode"))
                    .get("/api/complaints/{caseNumber}", receipt.<String>path("caseNumber"))
                    .then()
                    .statusCode(200);
            Map<String, Object> order = HotlineResourceTest.workOrder(HotlineResourceTest.nextNumber());
            order.put("callerPhone", phone);
            order.put("summary", "来电反映农贸市场乱收费");
            assertEquals(
                    201,
                    HotlineResourceTest.push(HotlineResourceTest.callCentre(), order)
                            .statusCode());
            given().auth()
                    .oauth2(TestTokens.token("notifier-log", "notifier"))
                    .get("/api/internal/contacts/{ref}", "complaint:" + receipt.<String>path("caseNumber"))
                    .then()
                    .statusCode(200)
                    .body("mobile", equalTo(mobile));
        } finally {
            root.removeHandler(capture);
        }
        synchronized (lines) {
            assertTrue(
                    lines.stream().anyMatch(l -> l.contains(mobile.substring(0, 3) + "****" + mobile.substring(7))),
                    "the acceptance is logged with the masked mobile: " + lines);
            for (String line : lines) {
                assertFalse(
                        line.contains(mobile.substring(3))
                                || line.contains(idNumber)
                                || line.contains(phone.substring(3)),
                        "clear personal data in a log line: " + line);
            }
        }
    }

    @Test
    void shouldReadAValueStoredBeforeEncryptionAndSealItOnTheNextWrite() throws Exception {
        String mobile = newMobile();
        String caseNumber =
                accepted(personComplaint("旧数据兼容", "加密上线前受理的诉求。", "D01", mobile)).path("caseNumber");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("update complaint set complainant_mobile = ? where case_number = ?")) {
            s.setString(1, mobile);
            s.setString(2, caseNumber);
            assertEquals(1, s.executeUpdate());
        }
        given().auth()
                .oauth2(TestTokens.token("notifier-legacy", "notifier"))
                .get("/api/internal/contacts/{ref}", "complaint:" + caseNumber)
                .then()
                .statusCode(200)
                .body("mobile", equalTo(mobile));

        // the next write of the case (routing dispatched it) seals the value
        CaseRouted routed = new CaseRouted(
                caseNumber,
                "MARKET_ENTRY",
                "企业开办与市场准入",
                new UnitRef("SCJG", "市市场监管局"),
                List.of(),
                "D01",
                "COMPLAINT",
                false,
                "WEB",
                1,
                24,
                "市优化营商环境实施意见",
                0.93,
                "AUTO",
                "关键词：经营许可",
                1,
                false,
                OffsetDateTime.now());
        org.openysb.testsupport.Topics.publish(
                Topics.ROUTING,
                caseNumber,
                EventJson.write(CloudEvent.of(
                        EventType.CASE_ROUTED,
                        "/case-routing",
                        caseNumber,
                        OffsetDateTime.now(),
                        EventJson.toTree(routed))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertSealed(complaintColumns(caseNumber).get("complainant_mobile"), mobile));
    }

    /** Stored in the sealed form: the prefix, and nothing of the clear value. */
    private static void assertSealed(String stored, String clear) {
        assertNotNull(stored, "a value is stored for " + clear);
        assertTrue(stored.startsWith("enc:v1:"), "sealed form expected, found " + stored);
        assertFalse(stored.contains(clear), stored);
        assertFalse(stored.toLowerCase().contains(clear.toLowerCase()), stored);
    }

    private Map<String, String> complaintColumns(String caseNumber) throws SQLException {
        return columns(
                "select complainant_mobile, complainant_mobile_hash, complainant_id_number, complainant_email,"
                        + " complainant_credit_code from complaint where case_number = ?",
                caseNumber);
    }

    /** The whole row, every column, as PostgreSQL prints it. */
    private String rowAsText(String table, String caseNumber) throws SQLException {
        return columns("select t::text as row from " + table + " t where case_number = ?", caseNumber)
                .get("row");
    }

    private Map<String, String> columns(String sql, String caseNumber) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caseNumber);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "a row for " + caseNumber);
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                return row;
            }
        }
    }
}
