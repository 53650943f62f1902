package org.openysb.supervision.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.outbox.PollConsumption;
import org.openysb.supervision.service.ConsumedBatchService;
import org.openysb.supervision.service.WorkItemService;

/**
 * Counts received complaints (ComplaintSubmitted on ysb.complaints) for the dispatch and closure rates and keeps the
 * complaint for the case page; a polled batch at a time in one transaction (see {@link PollConsumption}).
 */
@ApplicationScoped
public class ComplaintConsumer {
    private final WorkItemService workItems;
    private final ConsumedBatchService batches;
    private final boolean batched;
    private final ShutdownGate shutdown;

    public ComplaintConsumer(
            WorkItemService workItems,
            ConsumedBatchService batches,
            @ConfigProperty(name = "supervision.consumer.batch", defaultValue = "true") boolean batched,
            ShutdownGate shutdown) {
        this.workItems = workItems;
        this.batches = batches;
        this.batched = batched;
        this.shutdown = shutdown;
    }

    @Incoming("complaints")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return PollConsumption.consume(batch, batched, batches::applyComplaints, this::onEvent, shutdown::stopping);
    }

    /** One event in its own transaction (supervision.consumer.batch=false). */
    private void onEvent(CloudEvent event) {
        if (EventType.COMPLAINT_SUBMITTED.ceType().equals(event.type())) {
            workItems.recordReceived(event);
        }
    }
}
