package org.openysb.intake.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.intake.service.ProgressService;
import org.openysb.outbox.PollConsumption;

/**
 * Consumes routing and supervision events for the public tracking timeline, a polled batch at a time in one
 * transaction ({@link ProgressService#recordAll}); see {@link PollConsumption} for a poll that fails.
 */
@ApplicationScoped
public class CaseProgressConsumer {
    private final ProgressService progress;

    public CaseProgressConsumer(ProgressService progress) {
        this.progress = progress;
    }

    @Incoming("case-progress")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return PollConsumption.consume(batch, progress::recordAll, () -> false);
    }
}
