package org.openysb.routing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.routing.service.RoutingService;

/** Routes every accepted complaint (ComplaintSubmitted on ysb.complaints). */
@ApplicationScoped
public class ComplaintConsumer {
    private final RoutingService routing;

    public ComplaintConsumer(RoutingService routing) {
        this.routing = routing;
    }

    @Incoming("complaints")
    @Blocking
    public void onEvent(String json) {
        CloudEvent event = EventJson.read(json);
        if (EventType.COMPLAINT_SUBMITTED.ceType().equals(event.type())) {
            routing.routeComplaint(event);
        }
    }
}
