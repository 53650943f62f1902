package org.openysb.routing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.routing.service.DispatchService;
import org.openysb.routing.service.ReferenceDataLoader;

/** Returns (ReturnRequested) and acceptances (CaseSigned) from supervision-service on ysb.supervision. */
@ApplicationScoped
public class SupervisionConsumer {
    private final DispatchService dispatch;
    private final ReferenceDataLoader referenceData;

    public SupervisionConsumer(DispatchService dispatch, ReferenceDataLoader referenceData) {
        this.dispatch = dispatch;
        this.referenceData = referenceData;
    }

    @Incoming("supervision-events")
    @Blocking
    public void onEvent(String json) {
        referenceData.awaitLoaded();
        CloudEvent event = EventJson.read(json);
        dispatch.handleSupervisionEvent(event);
    }
}
