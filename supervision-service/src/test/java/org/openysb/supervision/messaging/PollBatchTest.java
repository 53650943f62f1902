package org.openysb.supervision.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.outbox.ConsumerLag;
import org.openysb.supervision.Events;
import org.openysb.testsupport.Infrastructure;
import org.openysb.testsupport.TestTokens;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing consumer takes a whole poll in one transaction: a poll holding a duplicate, an out-of-order pair, an
 * in-order reroute and two poison records must give the same outcome as one record at a time, and its backlog shows
 * as consumer lag while it is held up.
 */
@QuarkusTest
class PollBatchTest {
    private static final String SUPERVISOR = TestTokens.token("supervisor1", "supervisor");
    private static final String INSPECTOR = TestTokens.token("inspector1", "inspector");
    // a day ahead: no deadline of these cases passes while the escalation sweep runs during the test
    private static final String DAY = "2027-03-16";
    private static final OffsetDateTime ROUTED_AT = OffsetDateTime.parse(DAY + "T10:00:00+08:00");
    private static final UnitRef BTA = new UnitRef("BTA", "批测甲局");
    private static final UnitRef BTB = new UnitRef("BTB", "批测乙局");
    private static final UnitRef BTC = new UnitRef("BTC", "批测丙局");

    @Inject
    KafkaClientService kafka;

    @Inject
    ConsumerLag lag;

    private static String routed(String cn, UnitRef lead, int dispatch) {
        return Events.caseRouted(cn, lead, List.of(), "COMPLAINT", false, dispatch, ROUTED_AT.plusMinutes(dispatch));
    }

    /** Sends all records with one producer, in order, so that they reach the consumer in one poll when it resumes. */
    private static void sendAll(String topic, List<String[]> keyAndValue) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String[] kv : keyAndValue) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, kv[0], kv[1]);
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private KafkaConsumer<String, String> pausedRoutingConsumer() {
        KafkaConsumer<String, String> consumer = kafka.getConsumer("routing");
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.getAssignments()
                .await()
                .atMost(Duration.ofSeconds(5))
                .isEmpty());
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        return consumer;
    }

    private static List<WorkItemOpened> opened(String cn, int atLeast) {
        List<ConsumerRecord<String, String>> records = org.openysb.testsupport.Topics.await(
                Topics.SUPERVISION, cn, v -> v.contains("WorkItemOpened"), atLeast + 1, Duration.ofSeconds(3));
        return records.stream()
                .map(r -> EventJson.read(r.value()).dataAs(WorkItemOpened.class))
                .toList();
    }

    private static void assertTrailIntact(String cn, int steps) {
        given().auth()
                .oauth2(INSPECTOR)
                .get("/api/cases/{cn}/trail", cn)
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("steps", hasSize(steps));
    }

    private static int pendingSignFor(String unit) {
        return given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=" + DAY + "&to=" + DAY + "&unit=" + unit)
                .then()
                .statusCode(200)
                .extract()
                .path("rates.find { it.name == 'onTimeSignForRate' }.pending");
    }

    @Test
    void shouldApplyAPollWithADuplicateAnOutOfOrderPairAndPoisonRecordsAsIfOneByOne() throws Exception {
        String duplicated = "BT202703160001";
        String outOfOrder = "BT202703160002";
        String rerouted = "BT202703160003";
        String plain = "BT202703160004";
        String garbage = "BT202703160005";
        String poison = "BT202703160006";
        // received (ysb.complaints) before it is routed, twice: counted once, and the dispatch counts as on time
        String receipt = Events.complaintSubmitted(plain, "WEB", "COMPLAINT", null, ROUTED_AT.minusHours(1));
        sendAll(Topics.COMPLAINTS, List.of(new String[] {plain, receipt}, new String[] {plain, receipt}));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=" + DAY + "&to=" + DAY)
                .then()
                .body("rates.find { it.name == 'dispatchRate' }.denominator", equalTo(1)));

        String once = routed(duplicated, BTA, 1);
        KafkaConsumer<String, String> consumer = pausedRoutingConsumer();
        try {
            sendAll(
                    Topics.ROUTING,
                    List.of(
                            new String[] {duplicated, once},
                            new String[] {outOfOrder, routed(outOfOrder, BTB, 2)},
                            new String[] {garbage, "{\"not\": a cloud event"},
                            new String[] {rerouted, routed(rerouted, BTA, 1)},
                            new String[] {duplicated, once},
                            new String[] {outOfOrder, routed(outOfOrder, BTA, 1)},
                            // a CaseRouted without a lead unit fails in the poll's transaction
                            new String[] {
                                poison, routed(poison, BTA, 1).replaceFirst("\"lead\":\\{[^}]*\\}", "\"lead\":null")
                            },
                            new String[] {rerouted, routed(rerouted, BTC, 2)},
                            new String[] {plain, routed(plain, BTB, 1)}));
            ConsumerLag.Snapshot held = lag.refresh();
            assertTrue(
                    held.lag().get(new ConsumerLag.Subscription("supervision-service", Topics.ROUTING)) >= 9,
                    "the held-up poll shows as lag: " + held);
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'consumer-lag' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'consumer-lag' }.data.state", equalTo("lagging"))
                    .body(
                            "checks.find { it.name == 'consumer-lag' }.data.'supervision-service/ysb.routing'",
                            greaterThanOrEqualTo(9));
            given().get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("openysb_consumer_lag{group=\"supervision-service\",topic=\"ysb.routing\"}"));
        } finally {
            consumer.resume().await().atMost(Duration.ofSeconds(10));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String cn : List.of(duplicated, outOfOrder, plain)) {
                given().auth()
                        .oauth2(SUPERVISOR)
                        .get("/api/work-items/" + cn)
                        .then()
                        .statusCode(200);
            }
            given().auth()
                    .oauth2(SUPERVISOR)
                    .get("/api/work-items/" + rerouted)
                    .then()
                    .statusCode(200)
                    .body("leadUnit", equalTo("BTC"));
        });
        // the later dispatch arrived first: it opens the case, the older one is dropped
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/work-items/" + outOfOrder)
                .then()
                .body("leadUnit", equalTo("BTB"));
        assertEquals(1, opened(duplicated, 1).size(), "opened once although delivered twice");
        assertEquals(
                List.of("BTB"),
                opened(outOfOrder, 1).stream().map(o -> o.lead().code()).toList());
        assertEquals(
                List.of("BTA", "BTC"),
                opened(rerouted, 2).stream().map(o -> o.lead().code()).toList(),
                "opened, then reassigned, in order");
        assertTrailIntact(duplicated, 1);
        assertTrailIntact(outOfOrder, 1);
        assertTrailIntact(rerouted, 2);
        assertTrailIntact(plain, 1);

        // both poison records went to the dead-letter topic, nothing of them was applied
        for (String cn : List.of(garbage, poison)) {
            assertEquals(
                    1,
                    org.openysb.testsupport.Topics.await(
                                    "ysb.dlq.supervision-service", cn, v -> true, 1, Duration.ofSeconds(30))
                            .size(),
                    cn + " on the dead-letter topic");
            given().auth()
                    .oauth2(SUPERVISOR)
                    .get("/api/work-items/" + cn)
                    .then()
                    .statusCode(404);
        }

        // assignments counted once per dispatch: BTA the duplicated case and the rerouted one's first dispatch (whose
        // sign-for outcome the reroute decided: not pending), not the dropped older dispatch; BTB the out-of-order
        // case and the plain one; BTC the reroute
        assertEquals(1, pendingSignFor("BTA"));
        assertEquals(2, pendingSignFor("BTB"));
        assertEquals(1, pendingSignFor("BTC"));
        given().auth()
                .oauth2(SUPERVISOR)
                .get("/api/metrics?from=" + DAY + "&to=" + DAY)
                .then()
                .body("rates.find { it.name == 'dispatchRate' }.numerator", equalTo(1))
                .body("rates.find { it.name == 'dispatchRate' }.denominator", equalTo(1));

        // once the backlog is consumed and committed, the lag is gone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<ConsumerLag.Subscription, Long> now = lag.refresh().lag();
            assertEquals(0L, now.get(new ConsumerLag.Subscription("supervision-service", Topics.ROUTING)));
        });
    }
}
