package org.openysb.supervision.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.supervision.service.WorkItemService;

/** Counts received complaints (ComplaintSubmitted on ysb.complaints) for the dispatch and closure rates. */
@ApplicationScoped
public class ComplaintConsumer {
    private final WorkItemService workItems;

    public ComplaintConsumer(WorkItemService workItems) {
        this.workItems = workItems;
    }

    @Incoming("complaints")
    @Blocking
    public void onEvent(String json) {
        CloudEvent event = EventJson.read(json);
        if (EventType.COMPLAINT_SUBMITTED.ceType().equals(event.type())) {
            workItems.recordReceived(event);
        }
    }
}
