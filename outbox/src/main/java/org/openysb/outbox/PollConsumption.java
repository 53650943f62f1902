package org.openysb.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;

/**
 * How a consumer takes a poll of CloudEvents: the whole poll in one transaction ({@code applyPoll}); when that fails,
 * each record in a transaction of its own, so that only a record that fails on its own goes to the dead-letter topic
 * (the channel's failure strategy) and the others are applied. A record that is not a CloudEvent goes there at once.
 * Unbatched ({@code batched} false) every record takes its own transaction ({@code applyOne}), a benchmark's baseline.
 * While the service stops ({@code stopping}), a failure sends nothing to the dead-letter topic: the poll stays
 * unacknowledged and comes again after the restart.
 */
public final class PollConsumption {
    private static final Logger LOG = Logger.getLogger(PollConsumption.class);

    private PollConsumption() {}

    /** {@link #consume(KafkaRecordBatch, boolean, Consumer, Consumer, BooleanSupplier)} of a batched consumer. */
    public static CompletionStage<Void> consume(
            KafkaRecordBatch<String, String> batch, Consumer<List<CloudEvent>> applyPoll, BooleanSupplier stopping) {
        return consume(batch, true, applyPoll, e -> applyPoll.accept(List.of(e)), stopping);
    }

    public static CompletionStage<Void> consume(
            KafkaRecordBatch<String, String> batch,
            boolean batched,
            Consumer<List<CloudEvent>> applyPoll,
            Consumer<CloudEvent> applyOne,
            BooleanSupplier stopping) {
        List<CompletableFuture<Void>> failed = new ArrayList<>();
        List<KafkaRecord<String, String>> records = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(EventJson.read(record.getPayload()));
                records.add(record);
            } catch (RuntimeException e) {
                LOG.errorf(
                        "record %s of %s is not a CloudEvent: to the dead-letter topic (%s)",
                        record.getKey(), record.getTopic(), e.toString());
                failed.add(record.nack(e).toCompletableFuture());
            }
        }
        boolean done = false;
        if (batched && !events.isEmpty()) {
            try {
                applyPoll.accept(events);
                done = true;
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    return leftForRedelivery(events.size(), e);
                }
                LOG.warnf("poll of %d events failed (%s); applying them one by one", events.size(), e.toString());
            }
        }
        if (!done) {
            for (int i = 0; i < events.size(); i++) {
                KafkaRecord<String, String> record = records.get(i);
                try {
                    if (batched) {
                        applyPoll.accept(List.of(events.get(i)));
                    } else {
                        applyOne.accept(events.get(i));
                    }
                } catch (RuntimeException e) {
                    if (stopping.getAsBoolean()) {
                        return leftForRedelivery(events.size() - i, e);
                    }
                    LOG.errorf(
                            e,
                            "event %s of case %s failed: to the dead-letter topic",
                            events.get(i).id(),
                            record.getKey());
                    failed.add(record.nack(e).toCompletableFuture());
                }
            }
        }
        return CompletableFuture.allOf(failed.toArray(CompletableFuture[]::new)).thenCompose(x -> batch.ack());
    }

    /** A stage that never completes: the poll's offsets are not committed, so the poll is redelivered. */
    private static CompletionStage<Void> leftForRedelivery(int events, RuntimeException e) {
        LOG.infof(
                "stopping: %d events left unacknowledged for redelivery after the restart (%s)", events, e.toString());
        return new CompletableFuture<>();
    }
}
