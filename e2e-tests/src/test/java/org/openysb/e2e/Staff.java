package org.openysb.e2e;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.UnitRef;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the staff tests share: signing in on Keycloak's page, and cases made the way the services make them. */
final class Staff {
    private static final AtomicInteger ORDERS = new AtomicInteger((int) (System.currentTimeMillis() % 100000));

    private Staff() {}

    /** Signs in on Keycloak's login page from the workbench, and waits until the app is back with the user. */
    static Page signIn(BrowserContext context, String web, String username, String path) {
        Page page = context.newPage();
        page.navigate(web + path);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("登录").setExact(true))
                .first()
                .click();
        page.waitForURL(url -> url.contains("/realms/openysb/"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username + "-pass");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(web));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录"))
                .waitFor();
        return page;
    }

    /**
     * A 12345 work order taken by operator1 through the web module, about a business licence: routed to 市市场监管局
     * (SCJG) with 市政府政务服务中心 (ZWFW) as co-unit. Returns the receipt (caseNumber, queryCode).
     */
    static Map<String, Object> hotlineCase(String web, String content) {
        return hotlineCase(web, "来电反映营业执照办理问题", content);
    }

    /** A 12345 work order with its own summary (the classifier reads the summary with the content). */
    static Map<String, Object> hotlineCase(String web, String summary, String content) {
        Map<String, Object> order = new HashMap<>();
        order.put("workOrderNumber", "E2E" + ORDERS.incrementAndGet());
        order.put("callTime", OffsetDateTime.now().minusMinutes(5).toString());
        order.put("callerPhone", "13912340000");
        order.put("callerName", "王五");
        order.put("operatorId", "OP1024");
        order.put("type", "COMPLAINT");
        order.put("urgent", false);
        order.put("district", "D01");
        order.put("summary", summary);
        order.put("content", content);
        return given().auth()
                .oauth2(SharedStack.token("operator1"))
                .contentType(ContentType.JSON)
                .body(order)
                .post(web + "/api/intake/hotline/work-orders")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** Waits until the case is in the unit's queue (supervision-service has opened its work item). */
    static void awaitWorkItem(String web, String caseNumber, String handler) {
        String token = SharedStack.token(handler);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get(web + "/api/supervision/work-items/{cn}", caseNumber)
                                .statusCode()
                        == 200);
    }

    /**
     * A case received and routed {@code daysAgo} days ago to {@code lead}, as complaint-intake and case-routing would
     * have published it: its clocks started then, so it is overdue now.
     */
    static void routedLongAgo(String caseNumber, String lead, String leadName, int daysAgo) {
        OffsetDateTime at = OffsetDateTime.now().minusDays(daysAgo);
        ComplaintSubmitted complaint = new ComplaintSubmitted(
                caseNumber,
                "HOTLINE",
                "COMPLAINT",
                false,
                "食品经营许可证超期未办结",
                "来电人反映申请食品经营许可证已超过承诺时限仍未办结。",
                "D01",
                null,
                null,
                false,
                false,
                at,
                new ComplainantRef("PERSON", "complaint:" + caseNumber, "王五", "139****0000", true),
                null);
        CaseRouted routed = new CaseRouted(
                caseNumber,
                "MARKET_ENTRY",
                "企业开办与准入准营",
                new UnitRef(lead, leadName),
                List.of(),
                "D01",
                "COMPLAINT",
                false,
                "HOTLINE",
                1,
                1,
                "权责清单",
                0.9,
                "AUTO",
                "测试：很久以前派出的案件",
                1,
                false,
                at);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedStack.config().kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(
                    EventType.COMPLAINT_SUBMITTED.topic(),
                    caseNumber,
                    EventJson.write(CloudEvent.of(
                            EventType.COMPLAINT_SUBMITTED,
                            "/complaint-intake",
                            caseNumber,
                            at,
                            EventJson.toTree(complaint)))));
            producer.send(new ProducerRecord<>(
                    EventType.CASE_ROUTED.topic(),
                    caseNumber,
                    EventJson.write(CloudEvent.of(
                            EventType.CASE_ROUTED, "/case-routing", caseNumber, at, EventJson.toTree(routed)))));
            producer.flush();
        }
    }
}
