package org.openysb.supervision;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.UnitRef;
import org.openysb.testsupport.Infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged service on one database and one consumer group, each sweeping every second in small
 * batches: every reminder, reminder notice, supervision order and clue still goes out exactly once.
 */
class EscalationTwoInstancesIT {
    private static final int OVERDUE = 40;
    private static final int HALF_WAY = 40;
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final List<Path> LOGS = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String kafka = Infrastructure.kafkaBootstrapServers();
        for (String name : List.of("a", "b")) {
            int port = Infrastructure.freePort();
            Path log = Path.of("target", "two-instances-" + name + ".log").toAbsolutePath();
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx192m",
                            "-jar",
                            new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("SUPERVISION_PORT", String.valueOf(port));
            env.putAll(Infrastructure.serviceDatabaseEnvironment("supervision_two"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/openysb");
            env.put("SUPERVISION_SWEEP_INTERVAL", "1s");
            env.put("SUPERVISION_SWEEP_BATCH_SIZE", "5");
            INSTANCES.add(pb.start());
            LOGS.add(log);
            awaitReady(port, name); // one after the other: the first creates the schema and loads the calendars
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(Process::destroy);
    }

    private static void awaitReady(int port, String name) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(end)) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("instance " + name + " not ready:\n" + Files.readString(LOGS.get(LOGS.size() - 1)));
    }

    private static void route(String cn, OffsetDateTime routedAt) {
        Events.publishRouted(
                cn, Events.caseRouted(cn, new UnitRef("SCJG", "市市场监管局"), List.of(), "COMPLAINT", false, 1, routedAt));
    }

    @Test
    void shouldIssueEachEscalationExactlyOnceWithTwoInstancesSweeping() throws Exception {
        // long overdue: a reminder notice, a supervision order and a clue each
        for (int i = 0; i < OVERDUE; i++) {
            route(String.format("TS20261009%04d", i + 1), OffsetDateTime.parse("2026-09-01T10:00:00+08:00"));
        }
        // past half of 15 working days (about 21 calendar days) but short of three quarters: the 50 % reminder
        OffsetDateTime halfWay = OffsetDateTime.now().minusDays(12);
        for (int i = 0; i < HALF_WAY; i++) {
            route(String.format("TS20261110%04d", i + 1), halfWay);
        }

        Map<String, Integer> counts = new HashMap<>();
        Instant end = Instant.now().plus(Duration.ofSeconds(150)); // the first sweep runs 30 s after start
        int expected = OVERDUE * 3;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUPERVISION).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant quietSince = Instant.now();
            while (Instant.now().isBefore(end)) {
                boolean any = false;
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent e = EventJson.read(r.value());
                    String type = e.type().substring(EventType.TYPE_PREFIX.length());
                    String key = r.key() + " " + type
                            + (type.equals("ReminderDue")
                                    ? " " + e.data().get("clock").asText() + " "
                                            + e.data().get("percent").asInt()
                                    : "");
                    counts.merge(key, 1, Integer::sum);
                    any = true;
                }
                if (any) {
                    quietSince = Instant.now();
                }
                long escalations = counts.keySet().stream()
                        .filter(k -> k.startsWith("TS20261009")
                                && (k.endsWith("ReminderNoticeIssued")
                                        || k.endsWith("SupervisionOrderIssued")
                                        || k.endsWith("ClueRaised")))
                        .count();
                long reminders = counts.keySet().stream()
                        .filter(k -> k.startsWith("TS20261110") && k.contains("ReminderDue HANDLING 50"))
                        .count();
                // everything expected has arrived and several sweeps of both instances have passed since
                if (escalations == expected
                        && reminders == HALF_WAY
                        && Duration.between(quietSince, Instant.now()).toSeconds() >= 5) {
                    break;
                }
            }
        }
        for (int i = 0; i < OVERDUE; i++) {
            String cn = String.format("TS20261009%04d", i + 1);
            for (String type : List.of("ReminderNoticeIssued", "SupervisionOrderIssued", "ClueRaised")) {
                assertEquals(1, counts.getOrDefault(cn + " " + type, 0), cn + " " + type + ": " + counts);
            }
        }
        for (int i = 0; i < HALF_WAY; i++) {
            String cn = String.format("TS20261110%04d", i + 1);
            assertEquals(1, counts.getOrDefault(cn + " ReminderDue HANDLING 50", 0), cn + ": " + counts);
        }
        counts.forEach((k, n) -> assertEquals(1, n, "exactly once: " + k));
        for (int i = 0; i < INSTANCES.size(); i++) {
            assertTrue(INSTANCES.get(i).isAlive(), "instance " + i + " still running");
        }
        // the instances competed for the same due escalations (row locks, skip locked); which of them issued how many
        // depends on when each one's sweep ran, so one may have issued them all: exactly once is what must hold
        int issuing = 0;
        for (Path log : LOGS) {
            if (Files.readString(log).contains("escalation sweep issued")) {
                issuing++;
            }
        }
        System.out.println("instances whose sweeps issued escalations: " + issuing + " of " + LOGS.size());
        assertTrue(issuing >= 1, "some sweep issued the escalations");
    }
}
