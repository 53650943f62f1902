package org.openysb.routing.classification.messaging;

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
import org.openysb.routing.classification.service.RoutingService;
import org.openysb.routing.matrix.service.ReferenceDataLoader;

/**
 * Routes every accepted complaint (ComplaintSubmitted on ysb.complaints), a polled batch at a time in one
 * transaction. When the batch fails, its records are routed one by one, and only a record that fails on its own goes
 * to the dead-letter topic.
 */
@ApplicationScoped
public class ComplaintConsumer {
    private static final Logger LOG = Logger.getLogger(ComplaintConsumer.class);
    private final RoutingService routing;
    private final ReferenceDataLoader referenceData;

    public ComplaintConsumer(RoutingService routing, ReferenceDataLoader referenceData) {
        this.routing = routing;
        this.referenceData = referenceData;
    }

    @Incoming("complaints")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        referenceData.awaitLoaded(); // a backlog may arrive before the first start has loaded the matrix
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            List<CloudEvent> events = new ArrayList<>(records.size());
            for (KafkaRecord<String, String> record : records) {
                events.add(EventJson.read(record.getPayload()));
            }
            routing.routeBatch(events);
            return batch.ack();
        } catch (RuntimeException e) {
            LOG.warnf("batch of %d complaints failed (%s); routing them one by one", records.size(), e.toString());
        }
        List<CompletableFuture<Void>> failed = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                routing.routeBatch(List.of(EventJson.read(record.getPayload())));
            } catch (RuntimeException e) {
                LOG.errorf(e, "complaint %s could not be routed: to the dead-letter topic", record.getKey());
                failed.add(record.nack(e).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(failed.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }
}
