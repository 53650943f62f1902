package org.openysb.intake.rest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

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
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.testsupport.EventSchemas;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.intake.rest.Fixtures.newMobile;
import static org.openysb.intake.rest.Fixtures.submittedJson;

/** The Open311 GeoReport v2 façade over real HTTP, in JSON and XML, as an Open311 client sees it. */
@QuarkusTest
class Open311Test {
    /** Each test its own client address (X-Forwarded-For from the trusted 127.0.0.1), so throttling stays apart. */
    static String client() {
        return "10.31." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
    }

    static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent();
    }

    static ExtractableResponse<Response> post(String format, Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(form(form))
                .post("/open311/v2/requests." + format)
                .then()
                .extract();
    }

    /** The form as an Open311 client sends it: UTF-8, percent-encoded. */
    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** An error in Open311's own format, JSON ({@code [{"code":…,"description":…}]}) or XML ({@code <errors>}). */
    static boolean isOpen311Error(org.openysb.testsupport.sweep.OpenApiSweep.Answer answer) {
        String body = answer.body() == null ? "" : answer.body();
        String type = answer.contentType() == null ? "" : answer.contentType();
        if (type.startsWith("text/xml")) {
            return body.contains("<errors><error><code>" + answer.status() + "</code><description>");
        }
        return type.startsWith("application/json")
                && body.startsWith("[{\"code\":" + answer.status() + ",\"description\":");
    }

    static long matrixCategories() throws Exception {
        try (var in = Open311Test.class.getClassLoader().getResourceAsStream("reference/responsibility-matrix.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(",")[0])
                    .collect(Collectors.toSet())
                    .size();
        }
    }

    @Test
    void shouldListTheMatrixCategoriesAsServicesInJsonAndXml() throws Exception {
        var json = given().get("/open311/v2/services.json").then().extract();
        assertEquals(200, json.statusCode());
        assertTrue(json.contentType().startsWith("application/json"));
        List<Map<String, Object>> services = json.path("");
        assertEquals(matrixCategories(), services.size());
        Map<String, Object> policy = services.stream()
                .filter(s -> "POLICY_DELIVERY".equals(s.get("service_code")))
                .findFirst()
                .orElseThrow();
        assertEquals("惠企政策落实不到位", policy.get("service_name"));
        assertEquals(true, policy.get("metadata"), "it has a service definition");
        assertEquals("realtime", policy.get("type"));

        var xml = given().get("/open311/v2/services.xml").then().extract();
        assertEquals(200, xml.statusCode());
        assertTrue(xml.contentType().startsWith("text/xml"));
        Document doc = xml(xml.asString());
        assertEquals("services", doc.getDocumentElement().getTagName());
        assertEquals(services.size(), doc.getElementsByTagName("service").getLength());
        Element first = (Element) doc.getElementsByTagName("service").item(0);
        assertEquals(services.get(0).get("service_code"), text(first, "service_code"));
        assertEquals(services.get(0).get("service_name"), text(first, "service_name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDefineEachServicesAttributesAndFileARequestByThem() throws Exception {
        var json = given().get("/open311/v2/services/TAX_RELIEF.json").then().extract();
        assertEquals(200, json.statusCode(), json.asString());
        assertEquals("TAX_RELIEF", json.path("service_code"));
        assertEquals(List.of("district", "type"), json.path("attributes.code"));
        assertEquals(List.of(true, false), json.path("attributes.required"));
        assertEquals(List.of("singlevaluelist", "singlevaluelist"), json.path("attributes.datatype"));
        List<String> districts = json.path("attributes[0].values.key");
        assertTrue(districts.contains("D01"), districts.toString());
        assertEquals(
                List.of("inquiry", "help", "suggestion", "complaint", "report"), json.path("attributes[1].values.key"));

        var xml = given().get("/open311/v2/services/TAX_RELIEF.xml").then().extract();
        assertEquals(200, xml.statusCode());
        Document doc = xml(xml.asString());
        assertEquals("service_definition", doc.getDocumentElement().getTagName());
        assertEquals("TAX_RELIEF", text(doc.getDocumentElement(), "service_code"));
        assertEquals(2, doc.getElementsByTagName("attribute").getLength());
        Element district = (Element) doc.getElementsByTagName("attribute").item(0);
        assertEquals("district", text(district, "code"));
        assertEquals("true", text(district, "required"));
        assertEquals(districts.size(), district.getElementsByTagName("value").getLength());
        Element firstValue = (Element) district.getElementsByTagName("value").item(0);
        assertEquals(districts.get(0), text(firstValue, "key"));

        var unknown = given().get("/open311/v2/services/NO_SUCH.json").then().extract();
        assertEquals(404, unknown.statusCode());
        assertEquals(404, (int) unknown.path("[0].code"));

        // a request by the attributes: the district's code and the type of request
        var created = post(
                "json",
                Map.of(
                        "service_code", "TAX_RELIEF",
                        "description", "建议税务大厅增加周末办税窗口，方便小微企业办理减免手续。",
                        "lat", "39.9612",
                        "long", "116.4170",
                        "attribute[district]", "D01",
                        "attribute[type]", "suggestion"));
        assertEquals(201, created.statusCode(), created.asString());
        ComplaintSubmitted submitted = EventJson.read(submittedJson(created.path("[0].service_request_id")))
                .dataAs(ComplaintSubmitted.class);
        assertEquals("SUGGESTION", submitted.type());
        assertEquals("D01", submitted.district());
        var badType = post(
                "json",
                Map.of(
                        "service_code", "TAX_RELIEF",
                        "description", "类型不对",
                        "address_string", "东城区",
                        "attribute[type]", "praise"));
        assertEquals(400, badType.statusCode());
        assertTrue(((String) badType.path("[0].description")).contains("attribute[type]"));
    }

    @Test
    void shouldFileARequestAsAnOpen311ComplaintAndShowItsStatusWithoutPersonalData() throws Exception {
        String mobile = newMobile();
        var created = post(
                "json",
                Map.of(
                        "service_code", "POLICY_DELIVERY",
                        "description", "申报的稳岗返还政策迟迟未落实，窗口说等通知。",
                        "address_string", "北京市东城区和平里东街18号",
                        "lat", "39.9612",
                        "long", "116.4170",
                        "first_name", "小明",
                        "last_name", "孙",
                        "phone", mobile,
                        "email", "sun@example.com"));
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("[0].service_request_id");
        assertTrue(id.matches("TS\\d{12}"), id);
        String queryCode = created.path("[0].query_code");
        assertTrue(((String) created.path("[0].service_notice")).contains(queryCode));

        String event = submittedJson(id);
        assertEquals(EventType.COMPLAINT_SUBMITTED, EventSchemas.assertValid(event));
        ComplaintSubmitted submitted = EventJson.read(event).dataAs(ComplaintSubmitted.class);
        assertEquals("OPEN311", submitted.channel());
        assertEquals("POLICY_DELIVERY", submitted.categoryHint());
        assertEquals("D01", submitted.district(), "the district named in address_string");
        assertEquals("孙小明", submitted.complainant().displayName());
        assertFalse(event.contains(mobile));
        // the query code works on the ordinary tracking endpoint too
        given().get("/api/complaints/" + id + "?queryCode=" + queryCode).then().statusCode(200);

        var status = given().header("X-Forwarded-For", client())
                .get("/open311/v2/requests/" + id + ".json")
                .then()
                .extract();
        assertEquals(200, status.statusCode(), status.asString());
        assertEquals(id, status.path("[0].service_request_id"));
        assertEquals("open", status.path("[0].status"));
        assertEquals("POLICY_DELIVERY", status.path("[0].service_code"));
        assertEquals("惠企政策落实不到位", status.path("[0].service_name"));
        assertNull(status.path("[0].agency_responsible"));
        String body = status.asString();
        for (String personal : List.of(mobile, "孙", "sun@example.com", "和平里", "稳岗")) {
            assertFalse(body.contains(personal), "no personal data or complaint text: " + personal + " in " + body);
        }

        // routing dispatches it: the agency is the assigned unit, the notes say so
        route(id);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        "市发展改革委",
                        given().header("X-Forwarded-For", client())
                                .get("/open311/v2/requests/" + id + ".json")
                                .then()
                                .extract()
                                .path("[0].agency_responsible")));
        var dispatched = given().header("X-Forwarded-For", client())
                .get("/open311/v2/requests/" + id + ".xml")
                .then()
                .extract();
        assertEquals(200, dispatched.statusCode());
        Document doc = xml(dispatched.asString());
        assertEquals("service_requests", doc.getDocumentElement().getTagName());
        Element request = (Element) doc.getElementsByTagName("request").item(0);
        assertEquals(id, text(request, "service_request_id"));
        assertEquals("open", text(request, "status"));
        assertEquals("市发展改革委", text(request, "agency_responsible"));
        assertTrue(text(request, "status_notes").contains("已派发"), text(request, "status_notes"));

        // supervision closes it: closed
        close(id);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        "closed",
                        given().header("X-Forwarded-For", client())
                                .get("/open311/v2/requests/" + id + ".json")
                                .then()
                                .extract()
                                .path("[0].status")));
    }

    @Test
    void shouldReadSeveralRequestsById() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (String text : List.of("开办企业网上登记系统反复退回申请。", "招标文件设置排斥外地企业的资质条件。")) {
            var created = post(
                    "json",
                    Map.of(
                            "service_code",
                            "POLICY_DELIVERY",
                            "description",
                            text,
                            "address_string",
                            "北京市东城区",
                            "phone",
                            newMobile()));
            assertEquals(201, created.statusCode(), created.asString());
            ids.add(created.path("[0].service_request_id"));
        }
        String ip = client();
        var both = given().header("X-Forwarded-For", ip)
                .queryParam("service_request_id", ids.get(0) + "," + ids.get(1) + ",TS209901010999")
                .get("/open311/v2/requests.json")
                .then()
                .extract();
        assertEquals(200, both.statusCode(), both.asString());
        assertEquals(ids, both.path("service_request_id"), "the known ones, in the order asked; the unknown left out");
        assertEquals(List.of("open", "open"), both.path("status"));
        assertFalse(both.asString().contains("退回"), "no complaint text: " + both.asString());

        var xml = given().header("X-Forwarded-For", ip)
                .queryParam("service_request_id", ids.get(1))
                .get("/open311/v2/requests.xml")
                .then()
                .extract();
        assertEquals(200, xml.statusCode(), xml.asString());
        Document doc = xml(xml.asString());
        assertEquals("service_requests", doc.getDocumentElement().getTagName());
        assertEquals(1, doc.getElementsByTagName("request").getLength());
        assertEquals(
                ids.get(1), text((Element) doc.getElementsByTagName("request").item(0), "service_request_id"));

        // not too many at once: an error in Open311's format
        String many = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> String.format("TS20990101%04d", i))
                .collect(Collectors.joining(","));
        var tooMany = given().header("X-Forwarded-For", client())
                .queryParam("service_request_id", many)
                .get("/open311/v2/requests.json")
                .then()
                .extract();
        assertEquals(400, tooMany.statusCode(), tooMany.asString());
    }

    @Test
    void shouldFileARequestInXmlWithTheDistrictAsAnAttribute() throws Exception {
        var created = post(
                "xml",
                Map.of(
                        "service_code", "TAX_RELIEF",
                        "description", "多缴的税款申请退还三个月未办理。",
                        "lat", "39.90",
                        "long", "116.40",
                        "attribute[district]", "D03"));
        assertEquals(201, created.statusCode(), created.asString());
        assertTrue(created.contentType().startsWith("text/xml"));
        Document doc = xml(created.asString());
        assertEquals("service_requests", doc.getDocumentElement().getTagName());
        String id = text((Element) doc.getElementsByTagName("request").item(0), "service_request_id");
        ComplaintSubmitted submitted = Fixtures.submitted(id);
        assertEquals("D03", submitted.district());
        assertEquals("ANONYMOUS", submitted.complainant().kind(), "no name, no phone: anonymous");
        assertTrue(submitted.content().startsWith("多缴的税款申请退还三个月未办理。"), submitted.content());
        assertTrue(submitted.content().contains("39.90,116.40"));
    }

    @Test
    void shouldAnswerErrorsInOpen311sOwnFormat() throws Exception {
        var missing = post("json", Map.of("description", "没有服务代码", "address_string", "东城区"));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.contentType().startsWith("application/json"));
        assertEquals(400, (int) missing.path("[0].code"));
        assertTrue(((String) missing.path("[0].description")).contains("service_code"));

        var unknown = post("xml", Map.of("service_code", "NO_SUCH", "description", "x", "address_string", "东城区"));
        assertEquals(400, unknown.statusCode());
        Document doc = xml(unknown.asString());
        assertEquals("errors", doc.getDocumentElement().getTagName());
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertEquals("400", text(error, "code"));
        assertTrue(text(error, "description").contains("NO_SUCH"));

        var noLocation = post("json", Map.of("service_code", "TAX_RELIEF", "description", "没有地点"));
        assertEquals(400, noLocation.statusCode());
        assertTrue(((String) noLocation.path("[0].description")).contains("location"));

        var noDistrict = post(
                "json", Map.of("service_code", "TAX_RELIEF", "description", "只有坐标", "lat", "39.9", "long", "116.4"));
        assertEquals(400, noDistrict.statusCode());
        assertTrue(((String) noDistrict.path("[0].description")).contains("district"));

        var badPhone = post(
                "json",
                Map.of("service_code", "TAX_RELIEF", "description", "电话不对", "address_string", "西城区", "phone", "12345"));
        assertEquals(400, badPhone.statusCode());
        assertTrue(((String) badPhone.path("[0].description")).contains("phone"));

        var control = post(
                "json", Map.of("service_code", "TAX_RELIEF", "description", "含\u0007控制字符", "address_string", "西城区"));
        assertEquals(400, control.statusCode());

        String ip = client();
        var notFound = given().header("X-Forwarded-For", ip)
                .get("/open311/v2/requests/TS209901010001.json")
                .then()
                .extract();
        assertEquals(404, notFound.statusCode());
        assertEquals(404, (int) notFound.path("[0].code"));
        var notFoundXml = given().header("X-Forwarded-For", ip)
                .get("/open311/v2/requests/TS209901010001.xml")
                .then()
                .extract();
        assertEquals(404, notFoundXml.statusCode());
        assertEquals("errors", xml(notFoundXml.asString()).getDocumentElement().getTagName());

        // a web complaint is not an Open311 request
        String web = Fixtures.accepted(Fixtures.personComplaint("网上投诉", "网上投诉的内容。", "D01", newMobile()))
                .path("caseNumber");
        assertEquals(
                404,
                given().header("X-Forwarded-For", ip)
                        .get("/open311/v2/requests/" + web + ".json")
                        .statusCode());
    }

    private static void route(String caseNumber) {
        CaseRouted routed = new CaseRouted(
                caseNumber,
                "POLICY_DELIVERY",
                "惠企政策落实不到位",
                new UnitRef("FGW", "市发展改革委"),
                List.of(),
                "D01",
                "COMPLAINT",
                false,
                "OPEN311",
                1,
                24,
                "市优化营商环境实施意见 第1项",
                0.9,
                "AUTO",
                "关键词：政策",
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
    }

    private static void close(String caseNumber) {
        CaseClosed closed = new CaseClosed(
                caseNumber,
                new UnitRef("FGW", "市发展改革委"),
                "AFTER_FOLLOW_UP",
                "RESOLVED",
                "SATISFIED",
                true,
                0,
                "SYSTEM",
                OffsetDateTime.now());
        org.openysb.testsupport.Topics.publish(
                Topics.SUPERVISION,
                caseNumber,
                EventJson.write(CloudEvent.of(
                        EventType.CASE_CLOSED,
                        "/supervision-service",
                        caseNumber,
                        OffsetDateTime.now().plusSeconds(1),
                        EventJson.toTree(closed))));
    }
}
