package org.openysb.intake.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseClosed;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ManualDispatchQueued;
import org.openysb.contracts.events.UnitRef;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Open311Test.client;
import static org.openysb.intake.rest.Open311Test.post;
import static org.openysb.intake.rest.Open311Test.text;
import static org.openysb.intake.rest.Open311Test.xml;

/**
 * GeoReport v2 Get Service Requests ({@code GET /open311/v2/requests.json|xml}) and service discovery, as an Open311
 * client sees them: filters, the 90-day window, paging, public fields only, and nothing at all of confidential cases
 * or cases about officials' conduct.
 */
@QuarkusTest
class Open311RequestsTest {
    /** Exactly what GeoReport v2 shows of a request here: no description, address, location, media or person. */
    static final Set<String> PUBLIC_FIELDS = Set.of(
            "service_request_id",
            "status",
            "status_notes",
            "service_name",
            "service_code",
            "agency_responsible",
            "service_notice",
            "requested_datetime",
            "updated_datetime",
            "expected_datetime");

    static final UnitRef FGW = new UnitRef("FGW", "市发展改革委");
    static final UnitRef TAX = new UnitRef("TAX", "市税务局");
    static final UnitRef JW = new UnitRef("JW", "市纪委监委");

    @Inject
    DataSource dataSource;

    record Filed(String id, String queryCode, String mobile) {}

    @Test
    @SuppressWarnings("unchecked")
    void shouldListRoutedPublicRequestsByServiceAndStatusAndNothingOfConfidentialOrMisconductCases() throws Exception {
        Filed policy = file("POLICY_DELIVERY", "稳岗返还申请提交两个月仍无结果。");
        Filed taxClosed = file("TAX_RELIEF", "退税申请三个月未办结。");
        Filed taxManual = file("TAX_RELIEF", "发票领用额度调整申请被反复退回。");
        Filed routedToJw = file("POLICY_DELIVERY", "审批科科长暗示要送点东西才给办理。");
        Filed guardDoubt = file("POLICY_DELIVERY", "窗口工作人员故意刁难，一直压着不办。");
        Filed misconductService = file("OFFICIAL_MISCONDUCT", "经办人员吃拿卡要。");
        Filed notYetRouted = file("POLICY_DELIVERY", "补贴申报系统无法提交材料。");
        Filed confidential = file("TAX_RELIEF", "税务稽查程序不规范。");
        assertTrue(
                misconductService.queryCode() != null,
                "the discipline commission's service is accepted, its receipt says it is not shown");

        routed(policy.id(), "POLICY_DELIVERY", "惠企政策落实不到位", FGW);
        routed(taxClosed.id(), "TAX_RELIEF", "减税降费与税费优惠", TAX);
        closed(taxClosed.id(), TAX);
        queued(taxManual.id(), "LOW_CONFIDENCE", "TAX_RELIEF", TAX);
        routed(routedToJw.id(), "OFFICIAL_MISCONDUCT", "干部吃拿卡要与不作为慢作为", JW);
        queued(guardDoubt.id(), "POSSIBLE_MISCONDUCT", "OFFICIAL_MISCONDUCT", JW);
        routed(misconductService.id(), "POLICY_DELIVERY", "惠企政策落实不到位", FGW); // a dispatcher's choice
        routed(confidential.id(), "TAX_RELIEF", "减税降费与税费优惠", TAX);
        awaitStatus(policy, "DISPATCHED");
        awaitStatus(taxClosed, "CLOSED");
        awaitStatus(taxManual, "MANUAL_DISPATCH");
        awaitStatus(routedToJw, "DISPATCHED");
        awaitStatus(guardDoubt, "MANUAL_DISPATCH");
        awaitStatus(misconductService, "DISPATCHED");
        awaitStatus(confidential, "DISPATCHED");
        // no channel marks an Open311 request confidential today; the rule holds should one ever be
        update("update complaint set confidential = true where case_number = ?", confidential.id());

        var all = list("json", Map.of());
        assertEquals(200, all.statusCode(), all.asString());
        assertTrue(all.contentType().startsWith("application/json"));
        List<String> ids = all.path("service_request_id");
        assertTrue(ids.containsAll(List.of(policy.id(), taxClosed.id(), taxManual.id())), ids.toString());
        String body = all.asString();
        for (Filed hidden : List.of(routedToJw, guardDoubt, misconductService, notYetRouted, confidential)) {
            assertFalse(body.contains(hidden.id()), hidden.id() + " must not be listed: " + body);
        }
        for (Map<String, Object> request : (List<Map<String, Object>>) (List<?>) all.path("")) {
            assertEquals(PUBLIC_FIELDS, request.keySet(), "public fields only: " + request);
        }
        for (String personal : List.of("稳岗", "退税", "东城区", policy.mobile(), "孙")) {
            assertFalse(body.contains(personal), "no complaint text or personal data: " + personal);
        }
        Map<String, Object> policyView = view(all, policy.id());
        assertEquals("open", policyView.get("status"));
        assertEquals("市发展改革委", policyView.get("agency_responsible"));
        assertEquals("惠企政策落实不到位", policyView.get("service_name"));
        assertTrue(((String) policyView.get("status_notes")).contains("已派发"), policyView.toString());
        OffsetDateTime.parse((String) policyView.get("requested_datetime"));
        assertEquals("closed", view(all, taxClosed.id()).get("status"));

        var tax = list("json", Map.of("service_code", "TAX_RELIEF"));
        assertEquals(200, tax.statusCode(), tax.asString());
        List<String> taxIds = tax.path("service_request_id");
        assertTrue(taxIds.containsAll(List.of(taxClosed.id(), taxManual.id())), taxIds.toString());
        assertFalse(taxIds.contains(policy.id()));
        assertEquals(Set.of("TAX_RELIEF"), Set.copyOf(tax.<List<String>>path("service_code")));

        var closedTax = list("json", Map.of("service_code", "TAX_RELIEF,POLICY_DELIVERY", "status", "closed"));
        List<String> closedIds = closedTax.path("service_request_id");
        assertTrue(closedIds.contains(taxClosed.id()) && !closedIds.contains(taxManual.id()), closedIds.toString());
        assertEquals(Set.of("closed"), Set.copyOf(closedTax.<List<String>>path("status")));
        var open = list("json", Map.of("status", "open"));
        List<String> openIds = open.path("service_request_id");
        assertTrue(openIds.containsAll(List.of(policy.id(), taxManual.id())) && !openIds.contains(taxClosed.id()));
        assertEquals(Set.of("open"), Set.copyOf(open.<List<String>>path("status")));

        var longAgo =
                list("json", Map.of("start_date", "2020-01-01T00:00:00+08:00", "end_date", "2020-02-01T00:00:00Z"));
        assertEquals(200, longAgo.statusCode(), longAgo.asString());
        assertFalse(longAgo.asString().contains(policy.id()));

        // by id: the public ones in the order asked (one not yet routed too: its client follows it), never the others
        String ip = client();
        var byId = given().header("X-Forwarded-For", ip)
                .queryParam(
                        "service_request_id",
                        String.join(
                                ",",
                                notYetRouted.id(),
                                routedToJw.id(),
                                policy.id(),
                                guardDoubt.id(),
                                misconductService.id(),
                                confidential.id()))
                .get("/open311/v2/requests.json")
                .then()
                .extract();
        assertEquals(List.of(notYetRouted.id(), policy.id()), byId.path("service_request_id"));
        for (Filed hidden : List.of(routedToJw, guardDoubt, misconductService, confidential)) {
            var one = given().header("X-Forwarded-For", client())
                    .get("/open311/v2/requests/" + hidden.id() + ".json")
                    .then()
                    .extract();
            assertEquals(404, one.statusCode(), hidden.id() + ": " + one.asString());
            assertEquals(404, (int) one.path("[0].code"));
        }

        var xml = list("xml", Map.of("service_code", "TAX_RELIEF"));
        assertEquals(200, xml.statusCode(), xml.asString());
        assertTrue(xml.contentType().startsWith("text/xml"));
        Document doc = xml(xml.asString());
        assertEquals("service_requests", doc.getDocumentElement().getTagName());
        Element closedXml = null;
        for (int i = 0; i < doc.getElementsByTagName("request").getLength(); i++) {
            Element request = (Element) doc.getElementsByTagName("request").item(i);
            if (taxClosed.id().equals(text(request, "service_request_id"))) {
                closedXml = request;
            }
        }
        assertTrue(closedXml != null, xml.asString());
        assertEquals("closed", text(closedXml, "status"));
        assertEquals("市税务局", text(closedXml, "agency_responsible"));
        assertEquals(0, closedXml.getElementsByTagName("description").getLength());
        assertEquals(0, closedXml.getElementsByTagName("address").getLength());
    }

    @Test
    void shouldDefaultToTheLast90DaysAndRefuseWiderWindows() throws Exception {
        Filed old = file("POLICY_DELIVERY", "去年申报的补贴至今未到账。");
        routed(old.id(), "POLICY_DELIVERY", "惠企政策落实不到位", FGW);
        awaitStatus(old, "DISPATCHED");
        OffsetDateTime hundredDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(100);
        update("update complaint set received_at = now() - interval '100 days' where case_number = ?", old.id());

        assertFalse(list("json", Map.of()).asString().contains(old.id()), "older than 90 days: not by default");
        var then = list(
                "json",
                Map.of(
                        "start_date", hundredDaysAgo.minusDays(1).toString(),
                        "end_date", hundredDaysAgo.plusDays(1).toString()));
        assertEquals(200, then.statusCode(), then.asString());
        assertTrue(then.<List<String>>path("service_request_id").contains(old.id()), then.asString());
        var fromStart =
                list("json", Map.of("start_date", hundredDaysAgo.minusDays(1).toString()));
        assertTrue(fromStart.asString().contains(old.id()), "90 days from start_date");
        var toEnd = list("json", Map.of("end_date", hundredDaysAgo.plusDays(1).toString()));
        assertTrue(toEnd.asString().contains(old.id()), "90 days up to end_date");

        var wide = list("json", Map.of("start_date", "2026-01-01", "end_date", "2026-06-01"));
        assertEquals(400, wide.statusCode(), wide.asString());
        assertTrue(((String) wide.path("[0].description")).contains("90 days"));
    }

    @Test
    void shouldPageWithANextLinkUpTo1000PerPage() throws Exception {
        Filed first = file("TAX_RELIEF", "留抵退税审核超过法定时限。");
        Filed second = file("TAX_RELIEF", "社保费减免政策未执行到位。");
        routed(first.id(), "TAX_RELIEF", "减税降费与税费优惠", TAX);
        routed(second.id(), "TAX_RELIEF", "减税降费与税费优惠", TAX);
        awaitStatus(first, "DISPATCHED");
        awaitStatus(second, "DISPATCHED");

        var page1 = list("json", Map.of("page_size", "1"));
        assertEquals(200, page1.statusCode(), page1.asString());
        assertEquals(1, page1.<List<String>>path("service_request_id").size());
        String link = page1.header("Link");
        assertTrue(link != null && link.contains("page=2") && link.contains("rel=\"next\""), String.valueOf(link));
        var page2 = list("json", Map.of("page_size", "1", "page", "2"));
        assertEquals(1, page2.<List<String>>path("service_request_id").size());
        assertNotEquals(page1.<String>path("[0].service_request_id"), page2.<String>path("[0].service_request_id"));
        OffsetDateTime newer = OffsetDateTime.parse(page1.path("[0].requested_datetime"));
        OffsetDateTime older = OffsetDateTime.parse(page2.path("[0].requested_datetime"));
        assertFalse(older.isAfter(newer), "newest first");

        assertEquals(400, list("json", Map.of("page_size", "1001")).statusCode());
        assertEquals(400, list("json", Map.of("page_size", "0")).statusCode());
        assertEquals(200, list("json", Map.of("page_size", "1000")).statusCode());
    }

    @Test
    void shouldAnswerBadFiltersInOpen311sErrorFormat() throws Exception {
        for (Map<String, String> bad : List.of(
                Map.of("start_date", "yesterday"),
                Map.of("end_date", "2026-13-45T00:00:00Z"),
                Map.of("start_date", "2026-12-02T00:00:00Z", "end_date", "2026-12-01T00:00:00Z"),
                Map.of("status", "pending"),
                Map.of("service_code", "NO_SUCH"),
                Map.of("page", "abc"),
                Map.of("page", "-1"),
                Map.of("service_request_id", ","))) {
            var json = list("json", bad);
            assertEquals(400, json.statusCode(), bad + ": " + json.asString());
            assertTrue(json.contentType().startsWith("application/json"));
            assertEquals(400, (int) json.path("[0].code"), bad.toString());
            String key = bad.keySet().iterator().next();
            assertTrue(
                    ((String) json.path("[0].description")).contains(key.equals("end_date") ? "date" : key)
                            || ((String) json.path("[0].description")).contains("start_date"),
                    bad + ": " + json.asString());
            var xml = list("xml", bad);
            assertEquals(400, xml.statusCode());
            Document doc = xml(xml.asString());
            assertEquals("errors", doc.getDocumentElement().getTagName());
            assertEquals("400", text((Element) doc.getElementsByTagName("error").item(0), "code"));
        }
    }

    @Test
    void shouldCountUnknownIdsOfTheListAgainstTheTrackingThrottle() {
        String ip = client();
        String unknown = String.join(
                ",",
                java.util.stream.IntStream.range(0, 9)
                        .mapToObj(i -> String.format("TS20990101%04d", i))
                        .toList());
        var first = given().header("X-Forwarded-For", ip)
                .queryParam("service_request_id", unknown + ",not-a-case-number")
                .get("/open311/v2/requests.json")
                .then()
                .extract();
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(List.of(), first.path("service_request_id"));
        var throttled = given().header("X-Forwarded-For", ip)
                .get("/open311/v2/requests.json")
                .then()
                .extract();
        assertEquals(429, throttled.statusCode(), throttled.asString());
        assertEquals(429, (int) throttled.path("[0].code"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeTheV2EndpointInDiscovery() throws Exception {
        for (String path : List.of("/open311/discovery.json", "/open311/v2/discovery.json")) {
            var json = given().get(path).then().extract();
            assertEquals(200, json.statusCode(), path + ": " + json.asString());
            assertTrue(json.contentType().startsWith("application/json"));
            OffsetDateTime.parse(json.path("changeset"));
            assertTrue(((String) json.path("contact")).contains("12345"), json.asString());
            List<Map<String, Object>> endpoints = json.path("endpoints");
            assertEquals(1, endpoints.size());
            Map<String, Object> v2 = endpoints.get(0);
            assertEquals("http://wiki.open311.org/GeoReport_v2", v2.get("specification"));
            assertTrue(((String) v2.get("url")).matches("https?://[^/]+/open311/v2"), v2.toString());
            assertEquals("production", v2.get("type"));
            assertEquals(List.of("text/xml", "application/json"), v2.get("formats"));
            // the endpoint it names answers
            String base = ((String) v2.get("url")).replaceFirst("https?://[^/]+", "");
            assertEquals(200, given().get(base + "/services.json").statusCode());
        }
        var xml = given().get("/open311/discovery.xml").then().extract();
        assertEquals(200, xml.statusCode());
        Document doc = xml(xml.asString());
        assertEquals("discovery", doc.getDocumentElement().getTagName());
        Element endpoint = (Element) doc.getElementsByTagName("endpoint").item(0);
        assertEquals("http://wiki.open311.org/GeoReport_v2", text(endpoint, "specification"));
        assertEquals(2, endpoint.getElementsByTagName("format").getLength());
        assertEquals("text/xml", endpoint.getElementsByTagName("format").item(0).getTextContent());
        assertEquals(404, given().get("/open311/discovery.yaml").statusCode());
    }

    /** Files an Open311 request in district D01 with a phone; its id and query code. */
    static Filed file(String serviceCode, String description) {
        String mobile = newMobile();
        var created = post(
                "json",
                Map.of(
                        "service_code",
                        serviceCode,
                        "description",
                        description,
                        "address_string",
                        "北京市东城区和平里东街18号",
                        "first_name",
                        "小明",
                        "last_name",
                        "孙",
                        "phone",
                        mobile));
        assertEquals(201, created.statusCode(), created.asString());
        return new Filed(created.path("[0].service_request_id"), created.path("[0].query_code"), mobile);
    }

    static ExtractableResponse<Response> list(String format, Map<String, String> query) {
        return given().header("X-Forwarded-For", client())
                .queryParams(query)
                .get("/open311/v2/requests." + format)
                .then()
                .extract();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> view(ExtractableResponse<Response> list, String id) {
        return ((List<Map<String, Object>>) (List<?>) list.path(""))
                .stream()
                        .filter(r -> id.equals(r.get("service_request_id")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(id + " not in " + list.asString()));
    }

    /** Waits until public tracking shows the case in this status: intake has applied routing's events. */
    static void awaitStatus(Filed filed, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        status,
                        given().header("X-Forwarded-For", client())
                                .get("/api/complaints/" + filed.id() + "?queryCode=" + filed.queryCode())
                                .then()
                                .extract()
                                .path("status")));
    }

    private void update(String sql, String caseNumber) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, caseNumber);
            assertEquals(1, ps.executeUpdate());
        }
    }

    static void routed(String caseNumber, String category, String categoryName, UnitRef lead) {
        CaseRouted routed = new CaseRouted(
                caseNumber,
                category,
                categoryName,
                lead,
                List.of(),
                "D01",
                "COMPLAINT",
                false,
                "OPEN311",
                1,
                24,
                "市优化营商环境实施意见",
                0.9,
                "AUTO",
                "依据",
                1,
                false,
                OffsetDateTime.now());
        publish(Topics.ROUTING, EventType.CASE_ROUTED, "/case-routing", caseNumber, EventJson.toTree(routed));
    }

    static void queued(String caseNumber, String reason, String category, UnitRef lead) {
        ManualDispatchQueued queued = new ManualDispatchQueued(
                caseNumber, reason, category, null, lead, 0.4, "依据", false, OffsetDateTime.now());
        publish(
                Topics.ROUTING,
                EventType.MANUAL_DISPATCH_QUEUED,
                "/case-routing",
                caseNumber,
                EventJson.toTree(queued));
    }

    static void closed(String caseNumber, UnitRef unit) {
        CaseClosed closed = new CaseClosed(
                caseNumber, unit, "AFTER_FOLLOW_UP", "RESOLVED", "SATISFIED", true, 0, "SYSTEM", OffsetDateTime.now());
        publish(
                Topics.SUPERVISION,
                EventType.CASE_CLOSED,
                "/supervision-service",
                caseNumber,
                EventJson.toTree(closed));
    }

    private static void publish(
            String topic,
            EventType type,
            String source,
            String caseNumber,
            com.fasterxml.jackson.databind.JsonNode data) {
        org.openysb.testsupport.Topics.publish(
                topic,
                caseNumber,
                EventJson.write(CloudEvent.of(type, source, caseNumber, OffsetDateTime.now(), data)));
    }
}
