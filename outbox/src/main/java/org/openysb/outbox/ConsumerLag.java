package org.openysb.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumer lag of this service's Kafka consumer groups, measured on a schedule ({@code openysb.lag.interval}, default
 * 10 s) with the Kafka Admin client (committed offsets of each group against the end of each partition), never per
 * request. The groups and topics are those of the service's incoming channels ({@code mp.messaging.incoming.*}).
 * Published as the gauge {@code openysb_consumer_lag{group,topic}} (records behind, summed over the topic's
 * partitions; a partition without a committed offset counts from its beginning) and read by {@link ConsumerLagCheck}.
 */
@ApplicationScoped
public class ConsumerLag {
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final String INCOMING = "mp.messaging.incoming.";

    /** A consumer group and a topic it reads. */
    public record Subscription(String group, String topic) {}

    /** The last measurement: lag per subscription, when, and the error of the last attempt if it failed. */
    public record Snapshot(Map<Subscription, Long> lag, OffsetDateTime measuredAt, String error) {}

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final Map<String, Set<String>> topicsByGroup;
    private final Map<Subscription, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final Duration timeout;
    private volatile Snapshot last = new Snapshot(Map.of(), null, null);
    private volatile Admin admin;

    public ConsumerLag(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            MeterRegistry registry,
            Config config,
            @ConfigProperty(name = "openysb.lag.timeout", defaultValue = "5s") Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.timeout = timeout;
        this.topicsByGroup = subscriptions(config);
    }

    /** The groups and topics of the incoming Kafka channels in the configuration. */
    static Map<String, Set<String>> subscriptions(Config config) {
        Map<String, Set<String>> byGroup = new TreeMap<>();
        Set<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".connector")) {
                channels.add(name.substring(INCOMING.length(), name.length() - ".connector".length()));
            }
        }
        for (String channel : channels) {
            String prefix = INCOMING + channel + ".";
            if (!"smallrye-kafka"
                            .equals(config.getOptionalValue(prefix + "connector", String.class)
                                    .orElse(""))
                    || !config.getOptionalValue(prefix + "enabled", Boolean.class)
                            .orElse(true)) {
                continue;
            }
            String group = config.getOptionalValue(prefix + "group.id", String.class)
                    .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                    .orElse(null);
            if (group == null) {
                continue; // a generated group id: nobody else resumes from its offsets
            }
            String topics = config.getOptionalValue(prefix + "topics", String.class)
                    .or(() -> config.getOptionalValue(prefix + "topic", String.class))
                    .orElse(channel);
            for (String topic : topics.split(",")) {
                if (!topic.isBlank()) {
                    byGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(topic.trim());
                }
            }
        }
        return byGroup;
    }

    /** The consumer groups and topics measured. */
    public Map<String, Set<String>> subscriptions() {
        return topicsByGroup;
    }

    /** The last measurement. */
    public Snapshot snapshot() {
        return last;
    }

    @Scheduled(
            identity = "consumer-lag",
            every = "${openysb.lag.interval:10s}",
            delay = 5,
            delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    /** Measures every group's lag now; returns the measurement (the previous lag values with the error on failure). */
    public synchronized Snapshot refresh() {
        if (topicsByGroup.isEmpty()) {
            return last;
        }
        try {
            Map<Subscription, Long> lag = measure(admin());
            lag.forEach((s, value) -> gauge(s).set(value));
            last = new Snapshot(lag, OffsetDateTime.now(), null);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            String error = String.valueOf(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
            LOG.debugf("consumer lag not measured: %s", error);
            last = new Snapshot(last.lag(), last.measuredAt(), error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }

    private Map<Subscription, Long> measure(Admin kafka)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> allTopics = new TreeSet<>();
        topicsByGroup.values().forEach(allTopics::addAll);
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        for (var entry : kafka.describeTopics(allTopics).topicNameValues().entrySet()) {
            try {
                TopicDescription d = entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<TopicPartition> list = new ArrayList<>();
                d.partitions().forEach(p -> list.add(new TopicPartition(d.name(), p.partition())));
                partitions.put(entry.getKey(), list);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                partitions.put(entry.getKey(), List.of()); // not created yet: nothing to read
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions
                .values()
                .forEach(list -> list.forEach(tp -> {
                    latest.put(tp, OffsetSpec.latest());
                    earliest.put(tp, OffsetSpec.earliest());
                }));
        Map<TopicPartition, Long> ends = offsets(kafka, latest);
        Map<TopicPartition, Long> starts = offsets(kafka, earliest);
        Map<Subscription, Long> lag = new LinkedHashMap<>();
        for (var group : topicsByGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (String topic : group.getValue()) {
                long sum = 0;
                for (TopicPartition tp : partitions.getOrDefault(topic, List.of())) {
                    OffsetAndMetadata at = committed.get(tp);
                    long from = at != null ? at.offset() : starts.getOrDefault(tp, 0L);
                    sum += Math.max(0, ends.getOrDefault(tp, 0L) - from);
                }
                lag.put(new Subscription(group.getKey(), topic), sum);
            }
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(Admin kafka, Map<TopicPartition, OffsetSpec> specs)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (specs.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                kafka.listOffsets(specs).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private AtomicLong gauge(Subscription s) {
        return gauges.computeIfAbsent(s, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("openysb.consumer.lag", value, AtomicLong::get)
                    .description("records not yet consumed by the group, summed over the topic's partitions")
                    .tag("group", key.group())
                    .tag("topic", key.topic())
                    .register(registry);
            return value;
        });
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            Map<String, Object> config = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "openysb-consumer-lag");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2);
            current = Admin.create(config);
            admin = current;
        }
        return current;
    }

    @PreDestroy
    void close() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
