package org.openysb.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration retention;
    private final long minIntervalNanos;
    private volatile long lastWakeUpRun = System.nanoTime();
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
            AgroalDataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "outbox.relay.send-timeout", defaultValue = "15s") Duration sendTimeout,
            @ConfigProperty(name = "outbox.retention", defaultValue = "7d") Duration retention,
            @ConfigProperty(name = "outbox.relay.min-interval", defaultValue = "0s") Duration minInterval,
            MeterRegistry registry) {
        this.minIntervalNanos = minInterval.toNanos();
        this.dataSource = dataSource;
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
                // at most one run per outbox.relay.min-interval: the commits meanwhile share it (under load a run
                // per commit cost a transaction and a produce request each); wake-ups while waiting join this run
                long wait = lastWakeUpRun + minIntervalNanos - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                wakeUpPending.set(false);
                lastWakeUpRun = System.nanoTime();
                scheduledRelay();
            });
        }
    }

    /** Publishes everything pending; returns the number of events published. */
    public int relayAll() {
        int total = 0;
        int sent;
        do {
            sent = relayBatchInItsTransaction();
            total += sent;
        } while (sent == batchSize);
        return total;
    }

    private record Pending(long seq, String topic, String key, String payload) {}

    /**
     * One batch in a transaction of its own, in plain JDBC (it runs after every commit with events: an ORM query
     * here cost more than the rest of the relay together), holding the relay lock until it commits.
     */
    private int relayBatchInItsTransaction() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay: " + e.getMessage(), e);
        }
    }

    private int relayBatch(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet r = lock.executeQuery()) {
                if (!r.next() || !r.getBoolean(1)) {
                    return 0; // another instance is relaying
                }
            }
        }
        List<Pending> rows = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("select seq, topic, message_key, payload"
                + " from outbox_event where published_at is null order by seq limit ?")) {
            read.setInt(1, batchSize);
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    rows.add(new Pending(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        for (Pending row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add(new RecordHeader("content-type", CLOUDEVENTS_JSON));
            futures.add(kafka.send(record));
        }
        kafka.flush();
        List<Long> done = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long seq = rows.get(i).seq();
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
                try (PreparedStatement failed = connection.prepareStatement(
                        "update outbox_event set attempts = attempts + 1, last_error = ? where seq = ?")) {
                    failed.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                    failed.setLong(2, seq);
                    failed.executeUpdate();
                }
                LOG.warnf("outbox event %d not published: %s", seq, error);
                break;
            }
        }
        if (!done.isEmpty()) {
            // the marks need not wait for the disk: lost in a crash of PostgreSQL, they only make the relay send those
            // events again, with the same ids, which consumers drop (it is at least once anyway) — and the commits
            // that do wait (the services' own) no longer queue behind the relay's
            try (java.sql.Statement async = connection.createStatement()) {
                async.execute("set local synchronous_commit = off");
            }
            // one statement text for any number of rows (an IN list of n parameters is a new statement per n)
            try (PreparedStatement mark = connection.prepareStatement(
                    "update outbox_event" + " set published_at = now(), attempts = attempts + 1 where seq = any(?)")) {
                mark.setArray(1, connection.createArrayOf("int8", done.toArray(Long[]::new)));
                mark.executeUpdate();
            }
            published.increment(done.size());
        }
        return done.size() == rows.size() ? rows.size() : 0;
    }

    /** Events written but not yet published. */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox_event where published_at is null");
                ResultSet r = count.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox backlog: " + e.getMessage(), e);
        }
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, (double) retention.toSeconds());
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("outbox cleanup failed, will retry: %s", e.getMessage());
        }
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
