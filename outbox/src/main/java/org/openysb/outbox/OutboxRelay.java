package org.openysb.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published. At most one relay is active across all
 * instances of a service (a PostgreSQL advisory lock held for the batch), which keeps one case's events in order.
 * A relay that dies between sending and marking publishes those rows again on the next run: at least once, and
 * consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0b0c5e1a7L;

    private final EntityManager entityManager;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration retention;
    private final Counter published;
    private final Counter failures;
    private volatile Producer<String, String> producer;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean stopping;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay-wakeup");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(
            EntityManager entityManager,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "outbox.relay.send-timeout", defaultValue = "15s") Duration sendTimeout,
            @ConfigProperty(name = "outbox.retention", defaultValue = "7d") Duration retention,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.kafkaConfig = kafkaConfig;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
        this.published = registry.counter("outbox.published");
        this.failures = registry.counter("outbox.publish.failures");
        Gauge.builder("outbox.backlog", this, OutboxRelay::backlogForGauge)
                .description("events written but not yet published")
                .register(registry);
    }

    @Scheduled(
            identity = "outbox-relay",
            every = "${outbox.relay.interval:1s}",
            delay = 1,
            delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRelay() {
        if (stopping) {
            return;
        }
        try {
            relayAll();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay run failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * Asks for a relay run soon, without waiting for the next scheduled one. {@link Outbox} calls it after a
     * transaction with events commits, which keeps the hand-off latency in milliseconds.
     */
    public void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                scheduledRelay();
            });
        }
    }

    /** Publishes everything pending; returns the number of events published. */
    public int relayAll() {
        int total = 0;
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += sent;
        } while (sent == batchSize);
        return total;
    }

    private int relayBatch() {
        Object locked = entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0; // another instance is relaying
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select seq, topic, message_key, payload from outbox_event"
                        + " where published_at is null order by seq limit ?1")
                .setParameter(1, batchSize)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]);
            record.headers()
                    .add(new RecordHeader(
                            "content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
            futures.add(kafka.send(record));
        }
        kafka.flush();
        List<Long> done = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long seq = ((Number) rows.get(i)[0]).longValue();
            try {
                futures.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                done.add(seq);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // stop at the first failure so that later events of the same case are not published before it
                failures.increment();
                String error = String.valueOf(e.getCause() != null ? e.getCause() : e);
                entityManager
                        .createNativeQuery(
                                "update outbox_event set attempts = attempts + 1, last_error = ?1" + " where seq = ?2")
                        .setParameter(1, error.length() > 1000 ? error.substring(0, 1000) : error)
                        .setParameter(2, seq)
                        .executeUpdate();
                LOG.warnf("outbox event %d not published: %s", seq, error);
                break;
            }
        }
        if (!done.isEmpty()) {
            entityManager
                    .createNativeQuery("update outbox_event set published_at = now(), attempts = attempts + 1"
                            + " where seq in (?1)")
                    .setParameter(1, done)
                    .executeUpdate();
            published.increment(done.size());
        }
        return done.size() == rows.size() ? rows.size() : 0;
    }

    /** Events written but not yet published. */
    public long backlog() {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) entityManager
                        .createNativeQuery("select count(*) from outbox_event where published_at is null")
                        .getSingleResult())
                .longValue());
    }

    private double backlogForGauge() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Published rows are kept for {@code outbox.retention} (re-publishing, audits), then deleted. */
    @Scheduled(
            identity = "outbox-cleanup",
            every = "${outbox.cleanup.interval:1h}",
            delay = 10,
            delayUnit = TimeUnit.MINUTES)
    void deleteOldPublished() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_event where published_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) retention.toSeconds())
                .executeUpdate());
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((key, value) -> {
                        if (!key.startsWith("health") && !key.startsWith("devservices")) {
                            config.put(key, value);
                        }
                    });
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
                    current = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void close() {
        wakeUps.shutdownNow();
        Producer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}
