package org.openysb.intake.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.testsupport.EventSchemas;
import org.openysb.testsupport.TestTokens;
import org.openysb.testsupport.Topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HotlineResourceTest {
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 1000);
    private static final String CALL_TIME = "2026-11-21T09:15:30+08:00";

    /** The call-centre system's client-credentials token carries both realm roles. */
    static String callCentre() {
        return TestTokens.token(
                "service-account-openysb-call-centre", Set.of("call-centre", "hotline-operator"), List.of());
    }

    static String operator() {
        return TestTokens.token("operator1", "hotline-operator");
    }

    static String nextNumber() {
        return "GD" + SEQUENCE.incrementAndGet();
    }

    static Map<String, Object> workOrder(String number) {
        Map<String, Object> order = new HashMap<>();
        order.put("workOrderNumber", number);
        order.put("callTime", CALL_TIME);
        order.put("callerPhone", "13912345678");
        order.put("callerName", "王五");
        order.put("operatorId", "OP1024");
        order.put("type", "COMPLAINT");
        order.put("urgent", false);
        order.put("district", "D01");
        order.put("summary", "来电反映办理食品经营许可证超期未办结");
        order.put("content", "来电人反映在区政务服务中心申请食品经营许可证，已超过承诺时限10个工作日仍未办结，要求尽快办理。");
        order.put("recordingRef", "rec://12345/2026/11/21/0915-1024.wav");
        return order;
    }

    static io.restassured.response.ExtractableResponse<io.restassured.response.Response> push(
            String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/hotline/work-orders")
                .then()
                .extract();
    }

    @Test
    void shouldCreateAHotlineCaseReceivedAtTheCallTime() {
        String number = nextNumber();
        var response = push(callCentre(), workOrder(number));
        assertEquals(201, response.statusCode(), response.asString());
        String caseNumber = response.path("caseNumber");
        assertTrue(caseNumber.matches("TS\\d{12}"));
        assertTrue(response.header("Location").endsWith("/api/complaints/" + caseNumber));
        assertEquals(number, response.path("workOrderNumber"));
        assertTrue(response.<String>path("queryCode").matches("\\d{6}"));
        assertEquals(
                OffsetDateTime.parse(CALL_TIME).toInstant(),
                OffsetDateTime.parse(response.<String>path("receivedAt")).toInstant());

        List<ConsumerRecord<String, String>> records = Topics.await(
                "ysb.complaints", caseNumber, v -> v.contains("ComplaintSubmitted"), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        String json = records.get(0).value();
        assertEquals(EventType.COMPLAINT_SUBMITTED, EventSchemas.assertValid(json));
        ComplaintSubmitted event = EventJson.read(json).dataAs(ComplaintSubmitted.class);
        assertEquals("HOTLINE", event.channel());
        assertEquals(
                OffsetDateTime.parse(CALL_TIME).toInstant(), event.receivedAt().toInstant());
        assertEquals("139****5678", event.complainant().maskedMobile());
        assertFalse(json.contains("13912345678"), "the caller's number never goes out in clear");
    }

    @Test
    void shouldAnswerTheSameCaseWhenTheSameWorkOrderIsPushedAgain() {
        String number = nextNumber();
        var first = push(callCentre(), workOrder(number));
        assertEquals(201, first.statusCode());
        var again = push(callCentre(), workOrder(number));
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.<String>path("caseNumber"), again.path("caseNumber"));
        assertEquals(first.<String>path("queryCode"), again.path("queryCode"));
        // whitespace and key order do not change the content
        Map<String, Object> reformatted = workOrder(number);
        reformatted.put("summary", "  " + reformatted.get("summary") + " ");
        reformatted.put("callTime", "2026-11-21T01:15:30Z");
        assertEquals(200, push(operator(), reformatted).statusCode());
    }

    @Test
    void shouldNotAcceptTheSameNumberWithDifferentContent() {
        String number = nextNumber();
        assertEquals(201, push(callCentre(), workOrder(number)).statusCode());
        Map<String, Object> changed = workOrder(number);
        changed.put("summary", "来电反映另一件事情");
        given().auth()
                .oauth2(callCentre())
                .contentType(ContentType.JSON)
                .body(changed)
                .post("/api/hotline/work-orders")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:work-order-conflict"))
                .body("title", containsString("工单编号"));
    }

    @Test
    void shouldCreateOneCaseWhenTheSameWorkOrderArrivesConcurrently() throws Exception {
        String number = nextNumber();
        String token = callCentre();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> calls =
                    new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> push(token, workOrder(number))));
            }
            List<Integer> statuses = new ArrayList<>();
            java.util.Set<String> cases = new java.util.HashSet<>();
            for (var call : calls) {
                var response = call.get();
                statuses.add(response.statusCode());
                cases.add(response.path("caseNumber"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(1, cases.size(), cases.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNotAcceptInvalidFieldsAndNameEachOne() {
        Map<String, Object> order = workOrder("x");
        order.put("callerPhone", "12345678901");
        order.put("summary", "摘要\u0007响铃");
        order.remove("callTime");
        order.put("district", "D99");
        given().auth()
                .oauth2(operator())
                .contentType(ContentType.JSON)
                .body(order)
                .post("/api/hotline/work-orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:openysb:problem:validation"))
                .body("errors.field", hasItems("workOrderNumber", "callerPhone", "summary", "callTime"))
                .body("errors.find { it.field == 'summary' }.message", containsString("控制字符"))
                .body("errors.find { it.field == 'callerPhone' }.messageEn", containsString("phone"));
    }

    @Test
    void shouldNotAcceptAnUnknownDistrict() {
        Map<String, Object> order = workOrder(nextNumber());
        order.put("district", "D99");
        given().auth()
                .oauth2(operator())
                .contentType(ContentType.JSON)
                .body(order)
                .post("/api/hotline/work-orders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("district"));
    }

    @Test
    void shouldNotAcceptAWorkOrderWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body(workOrder(nextNumber()))
                .post("/api/hotline/work-orders")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotAcceptAWorkOrderFromACitizen() {
        assertEquals(
                403,
                push(TestTokens.token("citizen-h", "citizen"), workOrder(nextNumber()))
                        .statusCode());
    }

    @Test
    void shouldImportACsvBatchAndReportEachRow() {
        String created = nextNumber();
        String conflicting = nextNumber();
        assertEquals(201, push(callCentre(), workOrder(conflicting)).statusCode());
        String header = "workOrderNumber,callTime,callerPhone,operatorId,type,urgent,district,summary,content\n";
        String csv = header
                + row(created, "\"来电反映施工噪音扰民, 夜间施工\"")
                + row(created, "\"来电反映施工噪音扰民, 夜间施工\"") // the same row again
                + row(conflicting, "不同的内容")
                + "GD-bad,not-a-time,123,OP1,COMPLAINT,false,D01,摘要,内容\n"
                + "GD" + SEQUENCE.incrementAndGet() + "," + CALL_TIME + ",13912345678,OP1,COMPLAINT,false,D01,,内容\n";
        var result = given().auth()
                .oauth2(callCentre())
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/hotline/work-orders/batch")
                .then()
                .statusCode(200)
                .body("rows", equalTo(5))
                .body("created", equalTo(1))
                .body("duplicate", equalTo(1))
                .body("conflict", equalTo(1))
                .body("invalid", equalTo(2))
                .body("results[0].row", equalTo(1))
                .body("results[0].status", equalTo("created"))
                .body("results[0].caseNumber", matchesPattern("TS\\d{12}"))
                .body("results[1].status", equalTo("duplicate"))
                .body("results[2].status", equalTo("conflict"))
                .body("results[3].status", equalTo("invalid"))
                .body("results[3].errors.field", hasItems("callTime"))
                .body("results[4].status", equalTo("invalid"))
                .body("results[4].errors.field", hasItems("summary"))
                .body("results[4].errors[0].message", notNullValue())
                .extract();
        assertEquals(result.<String>path("results[0].caseNumber"), result.path("results[1].caseNumber"));
        assertEquals(created, result.path("results[1].workOrderNumber"));
    }

    private static String row(String number, String summary) {
        return number + "," + CALL_TIME + ",13912345678,OP7,COMPLAINT,true,D02," + summary
                + ",\"来电人反映某工地夜间施工噪音扰民，要求\"\"尽快\"\"处理。\"\n";
    }

    @Test
    void shouldImportJsonLinesAndMeasureAThousandRows() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder body = new StringBuilder();
        int rows = 1000;
        for (int i = 0; i < rows; i++) {
            Map<String, Object> order = workOrder(nextNumber());
            order.put("summary", "批量导入测试工单第" + i + "号");
            order.put("callerPhone", String.format("139%08d", i));
            body.append(mapper.writeValueAsString(order)).append('\n');
        }
        body.append("{not json\n");
        long start = System.nanoTime();
        given().auth()
                .oauth2(callCentre())
                .contentType("application/x-ndjson")
                .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/hotline/work-orders/batch")
                .then()
                .statusCode(200)
                .body("rows", equalTo(rows + 1))
                .body("created", equalTo(rows))
                .body("invalid", equalTo(1))
                .body("results[" + rows + "].row", equalTo(rows + 1))
                .body("results[" + rows + "].status", equalTo("invalid"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "MEASURE hotline batch: %d ndjson rows imported in %d ms (%.0f rows/s)%n",
                rows, millis, rows * 1000.0 / millis);
    }

    @Test
    void shouldNotImportABatchWithAnotherContentType() {
        given().auth()
                .oauth2(callCentre())
                .contentType(ContentType.JSON)
                .body("[]")
                .post("/api/hotline/work-orders/batch")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotImportACsvWithUnknownColumns() {
        given().auth()
                .oauth2(callCentre())
                .contentType("text/csv")
                .body("workOrderNumber,nonsense\nGD1,x\n")
                .post("/api/hotline/work-orders/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"));
    }

    @Test
    void shouldNotImportABatchWithoutTheRole() {
        given().auth()
                .oauth2(TestTokens.token("dispatcher-h", "dispatcher"))
                .contentType("text/csv")
                .body("workOrderNumber\n")
                .post("/api/hotline/work-orders/batch")
                .then()
                .statusCode(403);
    }
}
