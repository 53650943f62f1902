package org.openysb.intake.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.intake.service.ProgressService;

/**
 * Consumes routing and supervision events for the public tracking timeline, a polled batch at a time in one
 * transaction ({@link ProgressService#recordAll}). When the poll fails, its events are applied one by one, and only a
 * record that fails on its own (or is not a CloudEvent) goes to the dead-letter topic.
 */
@ApplicationScoped
public class CaseProgressConsumer {
    private static final Logger LOG = Logger.getLogger(CaseProgressConsumer.class);
    private final ProgressService progress;

    public CaseProgressConsumer(ProgressService progress) {
        this.progress = progress;
    }

    @Incoming("case-progress")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
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
        try {
            progress.recordAll(events);
        } catch (RuntimeException e) {
            LOG.warnf("poll of %d progress events failed (%s); applying them one by one", events.size(), e.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    progress.recordAll(List.of(events.get(i)));
                } catch (RuntimeException one) {
                    LOG.errorf(
                            one,
                            "progress event %s of case %s failed: to the dead-letter topic",
                            events.get(i).id(),
                            records.get(i).getKey());
                    failed.add(records.get(i).nack(one).toCompletableFuture());
                }
            }
        }
        return CompletableFuture.allOf(failed.toArray(CompletableFuture[]::new)).thenCompose(x -> batch.ack());
    }
}
