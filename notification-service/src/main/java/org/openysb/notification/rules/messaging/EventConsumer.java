package org.openysb.notification.rules.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.notification.rules.service.NotificationService;

/**
 * Every event that may mean someone must be told: complaints, routing and supervision topics, a poll's worth at a time
 * (one transaction for the whole batch: a backlog is drained with few commits). If the batch fails, each event is
 * retried in its own transaction so that one bad event does not hold back the others; if one still fails, the batch
 * goes to the dead-letter topic (the events already handled are skipped when replayed: consumption is idempotent).
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final NotificationService notifications;

    public EventConsumer(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Incoming("events")
    @Blocking
    public void onEvents(List<String> batch) {
        try {
            notifications.handleAll(batch.stream().map(EventJson::read).toList());
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                throw e;
            }
            LOG.warnf("a batch of %d events failed (%s); handling them one by one", batch.size(), e.toString());
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (String json : batch) {
            try {
                CloudEvent event = EventJson.read(json);
                notifications.handle(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "event could not be handled: %s", json.length() > 300 ? json.substring(0, 300) : json);
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
