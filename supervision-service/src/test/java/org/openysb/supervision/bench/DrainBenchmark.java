package org.openysb.supervision.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.ConsumerLag;
import org.openysb.testsupport.Infrastructure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Drain after an outage (issue 22), run by {@code supervision-service/bench/run-benchmarks.sh}: the routing consumer
 * is held up (paused, as if the service were down) while {@code bench.drain} CaseRouted events (default 100,000) of
 * cases whose receipt is known pile up on ysb.routing; then it is let go and the time until every case has its work
 * item is measured (events/s). {@code supervision.consumer.batch=false} gives the baseline, one transaction per event.
 * It asserts only correctness: every case opened exactly once (one work item, one trail entry, one WorkItemOpened in
 * the outbox, one assignment counted).
 */
@QuarkusTest
@Tag("benchmark")
class DrainBenchmark {
    private static final int EVENTS = Integer.getInteger("bench.drain", 100_000);
    private static final String[] TYPES = {
        "COMPLAINT", "COMPLAINT", "COMPLAINT", "INQUIRY", "HELP", "SUGGESTION", "REPORT"
    };
    private static final String[] CHANNELS = {"WEB", "WEB", "HOTLINE", "HOTLINE", "HOTLINE", "LETTER", "OPEN311"};

    @Inject
    EntityManager entityManager;

    @Inject
    KafkaClientService kafka;

    @Inject
    ConsumerLag lag;

    @ConfigProperty(name = "supervision.consumer.batch")
    boolean batched;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static void print(String line) {
        System.out.println("BENCH " + line);
    }

    @Test
    void drainARoutedBacklog() {
        if (EVENTS <= 0) {
            return;
        }
        String run = "DR" + Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(22);
        // the receipts came in before the outage (ComplaintSubmitted consumed): dispatch metrics and relabel checks
        // find them; types and channels as the routed events below
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into received_case (case_number, received_at, channel, type)"
                        + " select ?1 || lpad(g::text, 9, '0'), ?2, (array['WEB','WEB','HOTLINE','HOTLINE','HOTLINE',"
                        + "'LETTER','OPEN311'])[1 + g % 7], (array['COMPLAINT','COMPLAINT','COMPLAINT','INQUIRY','HELP',"
                        + "'SUGGESTION','REPORT'])[1 + g % 7] from generate_series(1, ?3) g")
                .setParameter(1, run)
                .setParameter(2, now.minusMinutes(30))
                .setParameter(3, EVENTS)
                .executeUpdate());

        KafkaConsumer<String, String> consumer = kafka.getConsumer("routing");
        await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.getAssignments()
                .await()
                .atMost(Duration.ofSeconds(5))
                .isEmpty());
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        long p0 = System.nanoTime();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int g = 1; g <= EVENTS; g++) {
                String caseNumber = run + String.format("%09d", g);
                int unit = random.nextInt(60);
                List<UnitRef> co = random.nextInt(5) == 0
                        ? List.of(new UnitRef("U" + String.format("%02d", (unit + 7) % 60), "协办单位"))
                        : List.of();
                CaseRouted routed = new CaseRouted(
                        caseNumber,
                        "CAT" + random.nextInt(25),
                        "类别",
                        new UnitRef("U" + String.format("%02d", unit), "单位" + unit),
                        co,
                        "D0" + (1 + random.nextInt(8)),
                        TYPES[g % 7],
                        random.nextInt(50) == 0,
                        CHANNELS[g % 7],
                        1,
                        24,
                        "依据",
                        0.9,
                        "AUTO",
                        "说明：按职责清单派至主办单位",
                        1,
                        false,
                        now.minusMinutes(20).plusNanos(g * 1000L));
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        Topics.ROUTING,
                        caseNumber,
                        EventJson.write(CloudEvent.of(
                                EventType.CASE_ROUTED, "/case-routing", caseNumber, now, EventJson.toTree(routed))));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - p0) / 1e9;
        Long backlog = lag.refresh().lag().get(new ConsumerLag.Subscription("supervision-service", Topics.ROUTING));
        print(String.format(
                "drain: %,d CaseRouted piled up on ysb.routing in %.1f s while the consumer was held; lag gauge %s",
                EVENTS, produced, backlog));

        String like = "'" + run + "%'";
        long t0 = System.nanoTime();
        consumer.resume().await().atMost(Duration.ofSeconds(10));
        long opened = 0;
        long last = t0;
        long lastCount = 0;
        while (opened < EVENTS
                && System.nanoTime() - t0 < Duration.ofMinutes(40).toNanos()) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            opened = count("select count(*) from work_item where case_number like " + like);
            if (System.nanoTime() - last > 30e9) {
                print(String.format(
                        "drain: %,d of %,d after %.0f s (%.0f/s over the last interval)",
                        opened,
                        EVENTS,
                        (System.nanoTime() - t0) / 1e9,
                        (opened - lastCount) / ((System.nanoTime() - last) / 1e9)));
                last = System.nanoTime();
                lastCount = opened;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long trail = count("select count(*) from trail_entry where case_number like " + like);
        long events = count("select count(*) from outbox_event where event_type like '%WorkItemOpened'"
                + " and message_key like " + like);
        long distinctEvents = count("select count(distinct message_key) from outbox_event"
                + " where event_type like '%WorkItemOpened' and message_key like " + like);
        long assigned = count("select coalesce(sum(assigned), 0) from metric_unit_daily where unit like 'U__'"
                + " and day = (timestamptz '" + now.minusMinutes(20) + "' at time zone 'Asia/Shanghai')::date");
        print(String.format(
                "drain (%s): %,d routed events into %,d work items in %.1f s = %.0f events/s;"
                        + " %,d trail entries, %,d WorkItemOpened for %,d cases, %,d assignments counted",
                batched ? "batched: one transaction per poll" : "baseline: one transaction per event",
                EVENTS,
                opened,
                seconds,
                opened / seconds,
                trail,
                events,
                distinctEvents,
                assigned));
        assertEquals(EVENTS, opened, "every case opened");
        assertEquals(EVENTS, trail, "one trail entry per case");
        assertEquals(EVENTS, events, "one WorkItemOpened per case");
        assertEquals(EVENTS, distinctEvents, "no case twice");
    }
}
