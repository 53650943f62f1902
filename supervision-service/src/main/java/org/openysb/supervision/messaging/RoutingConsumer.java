package org.openysb.supervision.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.supervision.service.WorkItemService;

/**
 * Opens a work item for every dispatched case (CaseRouted on ysb.routing), records arbitration rulings (ReturnRuled)
 * and gives a unit its case back when routing refuses its return (CaseReturned REFUSED).
 */
@ApplicationScoped
public class RoutingConsumer {
    private final WorkItemService workItems;

    public RoutingConsumer(WorkItemService workItems) {
        this.workItems = workItems;
    }

    @Incoming("routing")
    @Blocking
    public void onEvent(String json) {
        CloudEvent event = EventJson.read(json);
        if (EventType.CASE_ROUTED.ceType().equals(event.type())) {
            workItems.openWorkItem(event);
        } else if (EventType.RETURN_RULED.ceType().equals(event.type())) {
            workItems.recordRuling(event);
        } else if (EventType.CASE_RETURNED.ceType().equals(event.type())) {
            workItems.recordReturnOutcome(event);
        }
    }
}
