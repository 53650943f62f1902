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
 * Opens a work item for every dispatched case (CaseRouted on ysb.routing), records arbitration rulings (ReturnRuled)
 * and gives a unit its case back when routing refuses its return (CaseReturned REFUSED); a polled batch at a time in
 * one transaction (see {@link PollConsumption}).
 */
@ApplicationScoped
public class RoutingConsumer {
    private final WorkItemService workItems;
    private final ConsumedBatchService batches;
    private final boolean batched;
    private final ShutdownGate shutdown;

    public RoutingConsumer(
            WorkItemService workItems,
            ConsumedBatchService batches,
            @ConfigProperty(name = "supervision.consumer.batch", defaultValue = "true") boolean batched,
            ShutdownGate shutdown) {
        this.workItems = workItems;
        this.batches = batches;
        this.batched = batched;
        this.shutdown = shutdown;
    }

    @Incoming("routing")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return PollConsumption.consume(batch, batched, batches::applyRouting, this::onEvent, shutdown::stopping);
    }

    /** One event in its own transaction (supervision.consumer.batch=false). */
    private void onEvent(CloudEvent event) {
        if (EventType.CASE_ROUTED.ceType().equals(event.type())) {
            workItems.openWorkItem(event);
        } else if (EventType.RETURN_RULED.ceType().equals(event.type())) {
            workItems.recordRuling(event);
        } else if (EventType.CASE_RETURNED.ceType().equals(event.type())) {
            workItems.recordReturnOutcome(event);
        }
    }
}
