package org.openysb.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.openysb.contracts.EventJson;
import org.openysb.intake.service.ProgressService;

/** Consumes routing and supervision events for the public tracking timeline. */
@ApplicationScoped
public class CaseProgressConsumer {
    private final ProgressService progress;

    public CaseProgressConsumer(ProgressService progress) {
        this.progress = progress;
    }

    @Incoming("case-progress")
    @Blocking
    public void onEvent(String json) {
        progress.recordProgress(EventJson.read(json));
    }
}
