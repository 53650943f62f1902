package org.openysb.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.EventJson;
import org.openysb.notification.service.NotificationService;

/** Every event that may mean someone must be told: complaints, routing and supervision topics. */
@ApplicationScoped
public class EventConsumer {
    private final NotificationService notifications;

    public EventConsumer(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Incoming("events")
    @Blocking
    public void onEvent(String json) {
        notifications.handle(EventJson.read(json));
    }
}
