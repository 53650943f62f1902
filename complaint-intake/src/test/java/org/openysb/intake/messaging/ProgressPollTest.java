package org.openysb.intake.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.intake.rest.ComplaintResourceTest;
import org.openysb.outbox.ConsumerLag;
import org.openysb.testsupport.Infrastructure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracking timeline takes a whole poll of routing and supervision events in one transaction: a poll holding a
 * duplicate, a pair out of order (signed before routed: they come on different topics) and two poison records ends
 * as one record at a time would, and the held-up poll shows as consumer lag.
 */
@QuarkusTest
class ProgressPollTest {
    private static final UnitRef SCJG = new UnitRef("SCJG", "市市场监管局");

    @Inject
    KafkaClientService kafka;

    @Inject
    ConsumerLag lag;

    private record Receipt(String caseNumber, String queryCode) {}

    private static Receipt submit() {
        var receipt = given().contentType(ContentType.JSON)
                .body(ComplaintResourceTest.validComplaint())
                .post("/api/complaints")
                .then()
                .statusCode(201)
                .extract();
        return new Receipt(receipt.path("caseNumber"), receipt.path("queryCode"));
    }

    private static String event(EventType type, String caseNumber, OffsetDateTime at, Object data) {
        return EventJson.write(CloudEvent.of(type, "/test", caseNumber, at, EventJson.toTree(data)));
    }

    private static String routed(String caseNumber, OffsetDateTime at) {
        CaseRouted routed = new CaseRouted(
                caseNumber,
                "MARKET_ENTRY",
                "企业开办与市场准入",
                SCJG,
                List.of(),
                "D01",
                "COMPLAINT",
                false,
                "WEB",
                1,
                24,
                "依据",
                0.9,
                "AUTO",
                "说明",
                1,
                false,
                at);
        return event(EventType.CASE_ROUTED, caseNumber, at, routed);
    }

    private static void sendAll(List<String[]> topicKeyValue) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String[] r : topicKeyValue) {
                ProducerRecord<String, String> record = new ProducerRecord<>(r[0], r[1], r[2]);
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    @Test
    void shouldApplyAPollWithADuplicateAnOutOfOrderPairAndPoisonRecordsAsIfOneByOne() {
        Receipt a = submit();
        Receipt b = submit();
        String broken = "broken-" + a.caseNumber();
        OffsetDateTime t0 = OffsetDateTime.now();
        String once = routed(a.caseNumber(), t0);
        String poison = routed(b.caseNumber(), t0).replaceFirst("\"lead\":\\{[^}]*\\}", "\"lead\":null");

        KafkaConsumer<String, String> consumer = kafka.getConsumer("case-progress");
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.getAssignments()
                .await()
                .atMost(Duration.ofSeconds(5))
                .isEmpty());
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        try {
            sendAll(List.of(
                    new String[] {
                        Topics.SUPERVISION,
                        a.caseNumber(),
                        event(
                                EventType.CASE_SIGNED,
                                a.caseNumber(),
                                t0.plusSeconds(2),
                                new CaseSigned(a.caseNumber(), SCJG, "handler-scjg", t0.plusSeconds(2), true))
                    },
                    new String[] {Topics.ROUTING, a.caseNumber(), once},
                    new String[] {Topics.ROUTING, broken, "{\"not\": a cloud event"},
                    new String[] {Topics.ROUTING, b.caseNumber(), poison},
                    new String[] {Topics.ROUTING, a.caseNumber(), once},
                    new String[] {
                        Topics.SUPERVISION,
                        a.caseNumber(),
                        event(
                                EventType.WORK_ITEM_OPENED,
                                a.caseNumber(),
                                t0.plusSeconds(1),
                                new WorkItemOpened(
                                        a.caseNumber(),
                                        SCJG,
                                        List.of(),
                                        "COMPLAINT",
                                        false,
                                        t0,
                                        t0.plusDays(1),
                                        t0.plusDays(1),
                                        t0.plusDays(1),
                                        t0.plusDays(20)))
                    }));
            long held = lag.refresh().lag().get(new ConsumerLag.Subscription("complaint-intake", Topics.ROUTING));
            assertTrue(held >= 4, "the held-up poll shows as lag: " + held);
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'consumer-lag' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'consumer-lag' }.data.state", equalTo("lagging"));
            given().get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("openysb_consumer_lag{group=\"complaint-intake\",topic=\"ysb.routing\"}"));
        } finally {
            consumer.resume().await().atMost(Duration.ofSeconds(10));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("queryCode", a.queryCode())
                .get("/api/complaints/{caseNumber}", a.caseNumber())
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("assignedUnit.code", equalTo("SCJG"))
                .body("timeline.findAll { it.step == 'CaseRouted' }.size()", equalTo(1))
                .body("timeline.findAll { it.step == 'WorkItemOpened' }.size()", equalTo(1))
                .body("timeline.findAll { it.step == 'CaseSigned' }.size()", equalTo(1)));
        for (String key : List.of(broken, b.caseNumber())) {
            assertEquals(
                    1,
                    org.openysb.testsupport.Topics.await(
                                    "ysb.dlq.complaint-intake", key, v -> true, 1, Duration.ofSeconds(30))
                            .size(),
                    key + " on the dead-letter topic");
        }
        given().queryParam("queryCode", b.queryCode())
                .get("/api/complaints/{caseNumber}", b.caseNumber())
                .then()
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("timeline.findAll { it.step == 'CaseRouted' }.size()", equalTo(0));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        0L, lag.refresh().lag().get(new ConsumerLag.Subscription("complaint-intake", Topics.ROUTING))));
    }
}
