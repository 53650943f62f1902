package org.openysb.routing.dispatch.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.routing.dispatch.service.Returns;
import org.openysb.routing.matrix.service.ReferenceDataLoader;

/** Returns (ReturnRequested) and acceptances (CaseSigned) from supervision-service on ysb.supervision. */
@ApplicationScoped
public class SupervisionConsumer {
    private final Returns returns;
    private final ReferenceDataLoader referenceData;

    public SupervisionConsumer(Returns returns, ReferenceDataLoader referenceData) {
        this.returns = returns;
        this.referenceData = referenceData;
    }

    @Incoming("supervision-events")
    @Blocking
    public void onEvent(String json) {
        referenceData.awaitLoaded();
        CloudEvent event = EventJson.read(json);
        returns.handleSupervisionEvent(event);
    }
}
