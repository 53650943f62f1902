package org.openysb.intake.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No accepted complaint is lost or published twice in effect (issue 3, reliability), on the packaged service with a
 * durable PostgreSQL (fsync on) and a real KRaft broker:
 *
 * <ol>
 *   <li>kill -9 of the service under concurrent load, then a restart: every complaint that got a 201 is in the
 *       database and on ysb.complaints as exactly one ComplaintSubmitted event;
 *   <li>the broker stopped under load: intake keeps answering 201, its outbox holds the events, and when the broker
 *       is back the outbox drains with every accepted complaint published as exactly one event.
 * </ol>
 *
 * The relay is at least once (a crash between Kafka's ack and marking the row can send a row again, with the same
 * event id, which consumers drop through their inbox): "exactly once" is counted by distinct event id per case
 * number; raw redeliveries are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeReliabilityIT {
    private static final int CLIENTS = 16;
    private static PackagedIntake intake;

    @BeforeAll
    static void start() throws Exception {
        intake = new PackagedIntake("reliability-it");
        intake.start(Map.of(), "-Xmx256m");
    }

    @AfterAll
    static void stop() throws Exception {
        if (intake != null) {
            intake.close();
        }
    }

    /** Submits from {@link #CLIENTS} threads until {@code running} is cleared; collects the 201s. */
    private static final class Load implements AutoCloseable {
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

        Load(String tag) {
            for (int t = 0; t < CLIENTS; t++) {
                int thread = t;
                pool.execute(() -> {
                    int i = 0;
                    while (running.get()) {
                        var result = intake.submit(PackagedIntake.webComplaint(tag + "-" + thread + "-" + i++));
                        statuses.computeIfAbsent(result.status(), s -> new AtomicInteger())
                                .incrementAndGet();
                        if (result.caseNumber() != null) {
                            accepted.add(result.caseNumber());
                        } else if (result.status() == -1) {
                            sleep(20); // the service is down: retry soon, as a client would
                        }
                    }
                });
            }
        }

        void awaitAccepted(int count, Duration timeout) {
            Instant end = Instant.now().plus(timeout);
            while (accepted.size() < count && Instant.now().isBefore(end)) {
                sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    @Test
    @Order(1)
    void shouldKeepEveryAcceptedComplaintAcrossAKillDashNineUnderLoad() throws Exception {
        Load load = new Load("kill");
        int beforeKill;
        try (load) {
            load.awaitAccepted(400, Duration.ofSeconds(60));
            intake.kill(); // mid-load: requests are in flight
            beforeKill = load.accepted.size();
            intake.start(Map.of(), "-Xmx256m");
            int afterRestart = load.accepted.size();
            load.awaitAccepted(afterRestart + 200, Duration.ofSeconds(60));
        }
        System.out.printf(
                "kill -9 IT: %d accepted (%d before the kill), statuses %s%n",
                load.accepted.size(), beforeKill, load.statuses);
        assertTrue(beforeKill >= 400, "load before the kill: " + beforeKill);
        assertTrue(load.accepted.size() > beforeKill, "accepted again after the restart");

        Set<String> stored = intake.storedCaseNumbers();
        List<String> lost =
                load.accepted.stream().filter(cn -> !stored.contains(cn)).toList();
        assertEquals(List.of(), lost, "every 201 is in the database");

        awaitOutboxDrained(Duration.ofSeconds(60));
        Map<String, List<String>> topic = intake.complaintsTopic(stored, Duration.ofSeconds(60));
        assertPublishedOnce(stored, topic);
    }

    @Test
    @Order(2)
    void shouldKeepAcceptingWhileKafkaIsDownAndDrainTheOutboxWhenItReturns() throws Exception {
        Load load = new Load("kafka");
        long backlogDuringOutage;
        int acceptedDuringOutage;
        try (load) {
            load.awaitAccepted(100, Duration.ofSeconds(30));
            intake.stopKafka();
            int atStop = load.accepted.size();
            Thread.sleep(8_000); // longer than the relay's send timeout: its runs fail and are retried
            acceptedDuringOutage = load.accepted.size() - atStop;
            backlogDuringOutage = intake.unpublished();
            intake.startKafka();
            load.awaitAccepted(load.accepted.size() + 100, Duration.ofSeconds(30));
        }
        System.out.printf(
                "Kafka outage IT: %d accepted (%d while the broker was down, backlog %d), statuses %s%n",
                load.accepted.size(), acceptedDuringOutage, backlogDuringOutage, load.statuses);
        assertEquals(Set.of(201), load.statuses.keySet(), "only 201s, also while the broker was down");
        assertTrue(acceptedDuringOutage >= 100, "kept accepting without Kafka: " + acceptedDuringOutage);
        assertTrue(backlogDuringOutage > 0, "the outbox held the events while the broker was away");

        awaitOutboxDrained(Duration.ofSeconds(90));
        Set<String> stored = intake.storedCaseNumbers();
        assertTrue(stored.containsAll(load.accepted));
        Map<String, List<String>> topic = intake.complaintsTopic(stored, Duration.ofSeconds(60));
        assertPublishedOnce(stored, topic);
    }

    private static void awaitOutboxDrained(Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        long left = intake.unpublished();
        while (left > 0 && Instant.now().isBefore(end)) {
            Thread.sleep(250);
            left = intake.unpublished();
        }
        assertEquals(0, left, "outbox drained");
    }

    /** Every stored case exactly once on the topic (one distinct event id), and nothing else. */
    private static void assertPublishedOnce(Set<String> stored, Map<String, List<String>> topic) {
        List<String> missing = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        int redeliveries = 0;
        for (String cn : stored) {
            List<String> ids = topic.get(cn);
            if (ids == null) {
                missing.add(cn);
            } else if (Set.copyOf(ids).size() != 1) {
                twice.add(cn + " " + ids);
            } else {
                redeliveries += ids.size() - 1;
            }
        }
        System.out.printf(
                "topic: %d cases, %d stored, %d redeliveries of an already published event%n",
                topic.size(), stored.size(), redeliveries);
        assertEquals(List.of(), missing, "every stored case is on ysb.complaints");
        assertEquals(List.of(), twice, "one ComplaintSubmitted per case");
        assertTrue(stored.containsAll(topic.keySet()), "nothing on the topic that is not in the database");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
