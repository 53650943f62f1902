package org.openysb.routing.witness.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.TrailCheckpointPublished;
import org.openysb.routing.witness.service.WitnessService;

/** Signed checkpoints of supervision-service's trail log from ysb.trail-checkpoints, to the witness. */
@ApplicationScoped
public class CheckpointConsumer {
    private final WitnessService witness;

    public CheckpointConsumer(WitnessService witness) {
        this.witness = witness;
    }

    @Incoming("trail-checkpoints")
    @Blocking
    public void onEvent(String json) {
        CloudEvent event = EventJson.read(json);
        if (EventType.TRAIL_CHECKPOINT_PUBLISHED.ceType().equals(event.type())) {
            witness.witness(event.dataAs(TrailCheckpointPublished.class), event.id());
        }
    }
}
