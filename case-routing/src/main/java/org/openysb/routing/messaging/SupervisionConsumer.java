package org.openysb.routing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.routing.service.DispatchService;

/** Returns (ReturnRequested) and acceptances (CaseSigned) from supervision-service on ysb.supervision. */
@ApplicationScoped
public class SupervisionConsumer {
    private final DispatchService dispatch;

    public SupervisionConsumer(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    @Incoming("supervision-events")
    @Blocking
    public void onEvent(String json) {
        CloudEvent event = EventJson.read(json);
        dispatch.handleSupervisionEvent(event);
    }
}
