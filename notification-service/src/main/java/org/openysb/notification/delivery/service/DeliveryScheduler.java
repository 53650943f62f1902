package org.openysb.notification.delivery.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Runs the dispatcher: batch after batch while full batches come back. Every instance runs it; the row locks share the work. */
@ApplicationScoped
public class DeliveryScheduler {
    private final DeliveryService deliveries;

    public DeliveryScheduler(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(
            identity = "notification-dispatcher",
            every = "${notification.delivery.every:2s}",
            delayed = "${notification.delivery.delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        int batches = 0;
        while (deliveries.dispatchDue() > 0 && ++batches < 100) {
            // a full batch may mean more are due; the cap keeps one run bounded
        }
    }
}
