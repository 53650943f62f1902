package org.openysb.routing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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
import org.openysb.testsupport.Infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Complaints already waiting on a fresh database are routed (not dead-lettered), and two packaged instances of case-routing in one consumer group on one database: they split the complaints between
 * them, and every case is routed (or queued for manual dispatch) exactly once, even when its event is delivered twice
 * or the same case arrives again under another event id on another partition (so at the other instance).
 */
class RoutingTwoInstancesIT {
    private static final int CASES = 300;
    /** Complaints already waiting when the instances first start (before the matrix is loaded). */
    private static final int EARLY = 20;

    private static final String PREFIX = "TS20261130";
    private static final List<Process> INSTANCES = new ArrayList<>();
    private static final List<Path> LOGS = new ArrayList<>();
    private static String jdbc;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        jdbc = Infrastructure.postgresJdbcUrl("routing_two");
        String kafka = Infrastructure.kafkaBootstrapServers();
        List<Map.Entry<String, String>> early = new ArrayList<>();
        for (int i = CASES; i < CASES + EARLY; i++) {
            String cn = PREFIX + String.format("%04d", i + 1);
            early.add(Map.entry(cn, Backlog.event(cn, i)));
        }
        Backlog.publish(Topics.COMPLAINTS, early);
        for (String name : List.of("a", "b")) {
            int port = Infrastructure.freePort();
            Path log = Path.of("target", "two-instances-" + name + ".log").toAbsolutePath();
            ProcessBuilder pb = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-jar",
                            new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("ROUTING_PORT", String.valueOf(port));
            env.putAll(Infrastructure.serviceDatabaseEnvironment("routing_two"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/openysb");
            // small polls, so that both instances get batches while the backlog lasts
            env.put("ROUTING_MAX_POLL_RECORDS", "10");
            INSTANCES.add(pb.start());
            LOGS.add(log);
            awaitReady(port, name);
        }
        awaitTwoMembers(kafka);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : INSTANCES) {
            p.destroy();
        }
        for (Process p : INSTANCES) {
            p.waitFor(20, TimeUnit.SECONDS);
        }
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

    /** Both instances joined the consumer group case-routing and each holds partitions of ysb.complaints. */
    private static void awaitTwoMembers(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Instant end = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(end)) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("case-routing"))
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .get("case-routing");
                long withComplaints = group.members().stream()
                        .filter(m -> m.assignment().topicPartitions().stream()
                                .anyMatch(tp -> tp.topic().equals(Topics.COMPLAINTS)))
                        .count();
                if (withComplaints == 2) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the two instances did not both get partitions of " + Topics.COMPLAINTS);
    }

    @Test
    void eachCaseIsRoutedExactlyOnceAndBothInstancesTakePart() throws Exception {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String cn = PREFIX + String.format("%04d", i + 1);
            String event = Backlog.event(cn, i);
            records.add(Map.entry(cn, event));
            if (i % 10 == 0) {
                records.add(Map.entry(cn, event)); // the same event delivered twice
            }
            if (i % 15 == 0) {
                // the same case again under a new event id, keyed so that it lands on another partition
                records.add(Map.entry(cn + "-again", Backlog.event(cn, i)));
            }
        }
        Backlog.publish(Topics.COMPLAINTS, records);

        Map<String, Integer> decisions = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Instant end = Instant.now().plus(Duration.ofSeconds(120));
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ROUTING).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant quietSince = Instant.now();
            while (Instant.now().isBefore(end)) {
                boolean any = false;
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent e = EventJson.read(r.value());
                    if (e.type().equals(EventType.CASE_ROUTED.ceType())
                            || e.type().equals(EventType.MANUAL_DISPATCH_QUEUED.ceType())) {
                        decisions.merge(e.subject(), 1, Integer::sum);
                        any = true;
                    }
                }
                if (any) {
                    quietSince = Instant.now();
                }
                if (decisions.size() >= CASES
                        && Duration.between(quietSince, Instant.now()).toSeconds() >= 5) {
                    break;
                }
            }
        }
        for (int i = 0; i < CASES + EARLY; i++) {
            String cn = PREFIX + String.format("%04d", i + 1);
            assertEquals(1, decisions.getOrDefault(cn, 0), "one CaseRouted or ManualDispatchQueued for " + cn);
        }
        assertEquals(CASES + EARLY, decisions.size(), "no other case was routed: " + decisions.keySet());

        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            assertEquals(CASES + EARLY, count(s, "select count(*) from routing_case"));
            assertEquals(CASES + EARLY, count(s, "select count(*) from routing_decision"));
            assertEquals(
                    0,
                    count(
                            s,
                            "select count(*) from (select case_number from routing_decision"
                                    + " group by case_number having count(*) > 1) twice"));
            assertEquals(CASES + EARLY, count(s, "select count(*) from routing_decision where matrix_version = 1"));
        }

        Pattern routed = Pattern.compile("routed (\\d+) cases");
        int total = 0;
        for (int i = 0; i < INSTANCES.size(); i++) {
            assertTrue(INSTANCES.get(i).isAlive(), "instance " + i + " still running");
            int mine = 0;
            Matcher m = routed.matcher(Files.readString(LOGS.get(i)));
            while (m.find()) {
                mine += Integer.parseInt(m.group(1));
            }
            System.out.printf("instance %s routed %d cases%n", i == 0 ? "a" : "b", mine);
            assertTrue(mine > 0, "instance " + i + " routed nothing: " + LOGS.get(i));
            total += mine;
        }
        assertEquals(CASES + EARLY, total, "the instances' own counts add up to each case once");
        // nothing went to the dead-letter topic (the early backlog waited for the matrix instead of failing)
        assertEquals(0, deadLetters(), "records on ysb.dlq.case-routing");
    }

    private static int deadLetters() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey("ysb.dlq.case-routing")) {
                return 0;
            }
            List<TopicPartition> partitions = consumer.partitionsFor("ysb.dlq.case-routing").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int n = 0;
            Instant end = Instant.now().plus(Duration.ofSeconds(3));
            while (Instant.now().isBefore(end)) {
                n += consumer.poll(Duration.ofMillis(300)).count();
            }
            return n;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
