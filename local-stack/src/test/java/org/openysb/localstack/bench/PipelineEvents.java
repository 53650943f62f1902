package org.openysb.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the services put on the stack's topics, read from the beginning by a consumer of its own (no group: it changes
 * no service's offsets): per case number, the record timestamp (when the producing service's outbox relay handed it to
 * Kafka) of its first ComplaintSubmitted, CaseRouted, ManualDispatchQueued and WorkItemOpened, and the distinct event
 * ids of each (the services' relays are at least once: the same id twice is a redelivery, two ids are a duplicate).
 * Also the consumer groups' lag, from the broker (Admin client).
 */
final class PipelineEvents implements AutoCloseable {
    static final List<String> TOPICS = List.of("ysb.complaints", "ysb.routing", "ysb.supervision");

    /** The events of one case that the benchmark follows. */
    static final class CaseEvents {
        long submittedAt;
        long routedAt;
        long manualAt;
        long openedAt;
        final Set<String> submittedIds = new HashSet<>(2);
        final Set<String> routedIds = new HashSet<>(2);
        final Set<String> manualIds = new HashSet<>(2);
        final Set<String> openedIds = new HashSet<>(2);
    }

    private final Map<String, CaseEvents> cases = new ConcurrentHashMap<>();
    /** WorkItemOpened records by the second of their timestamp (epoch seconds), for the drain rate. */
    private final Map<Long, AtomicLong> openedPerSecond = new ConcurrentHashMap<>();

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong routedCases = new AtomicLong();
    private final AtomicLong openedCases = new AtomicLong();
    private final AtomicLong rawRedeliveries = new AtomicLong();
    private final String bootstrap;
    private final Admin admin;
    private final Thread reader;
    private volatile boolean running = true;

    PipelineEvents(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        admin = Admin.create(p);
        reader = new Thread(this::read, "pipeline-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.incrementAndGet();
                    try {
                        take(record, json.readTree(record.value()));
                    } catch (Exception notAnEvent) {
                        // not a CloudEvent of ours: ignored
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                System.err.println("BENCH event reader failed: " + e);
            }
        }
    }

    private void take(ConsumerRecord<String, String> record, JsonNode event) {
        String type = event.path("type").asText("");
        String caseNumber = event.path("subject").asText(record.key());
        String id = event.path("id").asText();
        long at = record.timestamp();
        CaseEvents c =
                switch (type) {
                    case "org.openysb.ComplaintSubmitted",
                            "org.openysb.CaseRouted",
                            "org.openysb.ManualDispatchQueued",
                            "org.openysb.WorkItemOpened" -> cases.computeIfAbsent(caseNumber, k -> new CaseEvents());
                    default -> null;
                };
        if (c == null) {
            return;
        }
        synchronized (c) {
            boolean added;
            switch (type) {
                case "org.openysb.ComplaintSubmitted" -> {
                    added = c.submittedIds.add(id);
                    c.submittedAt = c.submittedAt == 0 ? at : c.submittedAt;
                }
                case "org.openysb.CaseRouted" -> {
                    added = c.routedIds.add(id);
                    if (c.routedAt == 0) {
                        c.routedAt = at;
                        routedCases.incrementAndGet();
                    }
                }
                case "org.openysb.ManualDispatchQueued" -> {
                    added = c.manualIds.add(id);
                    c.manualAt = c.manualAt == 0 ? at : c.manualAt;
                }
                default -> {
                    added = c.openedIds.add(id);
                    if (c.openedAt == 0) {
                        c.openedAt = at;
                        openedCases.incrementAndGet();
                    }
                    if (added) {
                        openedPerSecond
                                .computeIfAbsent(at / 1000, s -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
            }
            if (!added) {
                rawRedeliveries.incrementAndGet();
            }
        }
    }

    /** The events of a case seen so far (null: none). Read its fields inside {@code synchronized (events)}. */
    CaseEvents of(String caseNumber) {
        return cases.get(caseNumber);
    }

    /** Cases with a CaseRouted but no WorkItemOpened yet: supervision-service's backlog, as the topics show it. */
    long routedNotOpened() {
        return routedCases.get() - openedCases.get();
    }

    long rawRedeliveries() {
        return rawRedeliveries.get();
    }

    /** Distinct WorkItemOpened events whose record timestamp lies in [from, to) (epoch milliseconds, whole seconds). */
    long openedBetween(long fromMillis, long toMillis) {
        long n = 0;
        for (long s = fromMillis / 1000; s < (toMillis + 999) / 1000; s++) {
            AtomicLong count = openedPerSecond.get(s);
            n += count == null ? 0 : count.get();
        }
        return n;
    }

    /** The most WorkItemOpened events of one second within [from, to). */
    long peakOpenedPerSecond(long fromMillis, long toMillis) {
        long peak = 0;
        for (long s = fromMillis / 1000; s < toMillis / 1000; s++) {
            AtomicLong count = openedPerSecond.get(s);
            peak = Math.max(peak, count == null ? 0 : count.get());
        }
        return peak;
    }

    /**
     * Lag of every consumer group (records on the topic not yet committed by the group), per group and topic, e.g.
     * {@code case-routing ysb.complaints=0}. A group without committed offsets yet counts from the start of the log.
     */
    Map<String, Long> lag() {
        Map<String, Long> out = new TreeMap<>();
        try {
            List<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .filter(g -> !g.startsWith("console-consumer"))
                    .sorted()
                    .toList();
            Map<TopicPartition, OffsetSpec> latestSpec = new java.util.HashMap<>();
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new java.util.HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                committed.put(group, offsets);
                offsets.keySet().forEach(tp -> latestSpec.put(tp, OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = latestSpec.isEmpty()
                    ? Map.of()
                    : admin.listOffsets(latestSpec).all().get(10, TimeUnit.SECONDS);
            for (String group : groups) {
                Map<String, Long> byTopic = committed.get(group).entrySet().stream()
                        .filter(e -> TOPICS.contains(e.getKey().topic()))
                        .collect(Collectors.groupingBy(
                                e -> e.getKey().topic(),
                                TreeMap::new,
                                Collectors.summingLong(e -> Math.max(
                                        0,
                                        latest.get(e.getKey()).offset()
                                                - (e.getValue() == null
                                                        ? 0
                                                        : e.getValue().offset())))));
                byTopic.forEach((topic, lag) -> out.put(group + " " + topic, lag));
            }
        } catch (Exception e) {
            out.put("(lag unavailable: " + e.getMessage() + ")", -1L);
        }
        return out;
    }

    /** Records on each dead-letter topic ({@code ysb.dlq.<service>}) that has any. */
    Map<String, Long> deadLetters() {
        Map<String, Long> out = new TreeMap<>();
        try {
            List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith("ysb.dlq."))
                    .toList();
            if (topics.isEmpty()) {
                return out;
            }
            Map<TopicPartition, OffsetSpec> spec = new java.util.HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((name, d) -> d.partitions()
                            .forEach(p -> spec.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(spec).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> {
                if (info.offset() > 0) {
                    out.merge(tp.topic(), info.offset(), Long::sum);
                }
            });
        } catch (Exception e) {
            out.put("(unavailable: " + e.getMessage() + ")", -1L);
        }
        return out;
    }

    /** Total lag of one group on one topic (0 when unknown). */
    long lag(String group, String topic) {
        return lag().getOrDefault(group + " " + topic, 0L);
    }

    long records() {
        return records.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
        admin.close(Duration.ofSeconds(5));
    }
}
