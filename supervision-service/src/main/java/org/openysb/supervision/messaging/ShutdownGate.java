package org.openysb.supervision.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Tells the consumers that the service is stopping: a poll that fails from then on failed because the service's
 * resources are closing, not because of its events, so it is left unacknowledged (redelivered after the restart,
 * where the consumed-event table keeps it from being applied twice) instead of going to the dead-letter topic.
 */
@ApplicationScoped
public class ShutdownGate {
    private volatile boolean stopping;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }
}
