package org.openysb.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail "consumer-lag": always UP (a consumer behind is working, taking it out of service would only make
 * it fall further behind), with {@code state} {@code ok}, {@code lagging} (some group and topic more than
 * {@code openysb.lag.warn-threshold} records behind, listed in {@code lagging}) or {@code unknown} (not measured yet,
 * or the last measurement failed: {@code error}), and the lag of each {@code group/topic}.
 */
@Readiness
@ApplicationScoped
public class ConsumerLagCheck implements HealthCheck {
    private final ConsumerLag lag;
    private final long threshold;

    public ConsumerLagCheck(
            ConsumerLag lag,
            @ConfigProperty(name = "openysb.lag.warn-threshold", defaultValue = "1000") long threshold) {
        this.lag = lag;
        this.threshold = threshold;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerLag.Snapshot snapshot = lag.snapshot();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("consumer-lag").up().withData("threshold", threshold);
        List<String> lagging = new ArrayList<>();
        for (Map.Entry<ConsumerLag.Subscription, Long> e : snapshot.lag().entrySet()) {
            String name = e.getKey().group() + "/" + e.getKey().topic();
            response.withData(name, e.getValue());
            if (e.getValue() > threshold) {
                lagging.add(name);
            }
        }
        String state;
        if (!lagging.isEmpty()) {
            state = "lagging";
            response.withData("lagging", String.join(",", lagging));
        } else if (snapshot.measuredAt() == null || snapshot.error() != null) {
            state = lag.subscriptions().isEmpty() ? "ok" : "unknown";
        } else {
            state = "ok";
        }
        if (snapshot.error() != null) {
            response.withData("error", snapshot.error());
        }
        if (snapshot.measuredAt() != null) {
            response.withData("measuredAt", snapshot.measuredAt().toString());
        }
        return response.withData("state", state).build();
    }
}
