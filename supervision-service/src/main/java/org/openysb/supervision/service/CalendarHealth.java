package org.openysb.supervision.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Warns — without taking the service out of rotation — when this or next year has no holiday notice, so that deadlines
 * reaching it are provisional (statutory holidays and weekends only), and how many cases not closed have such a
 * deadline. Also a gauge, {@code calendar_years_missing}, for alerting.
 */
@Readiness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {
    private final CalendarService calendar;
    private final CalendarChanges changes;

    public CalendarHealth(CalendarService calendar, CalendarChanges changes, MeterRegistry registry) {
        this.calendar = calendar;
        this.changes = changes;
        Gauge.builder("calendar.years.missing", this, h -> h.missing().size())
                .description("years (this and next) without a State Council holiday notice (provisional calendar)")
                .register(registry);
    }

    private List<Integer> missing() {
        try {
            return calendar.missingYears(1);
        } catch (RuntimeException notReady) {
            return List.of();
        }
    }

    @Override
    public HealthCheckResponse call() {
        List<Integer> missing = missing();
        var builder = HealthCheckResponse.named("working-day calendar").up();
        builder.withData("years", calendar.calendar().knownYears().toString());
        builder.withData(
                "provisionalFrom", calendar.calendar().provisionalFrom().toString());
        long provisional = changes.provisionalDeadlines();
        builder.withData("provisionalDeadlines", provisional);
        if (!missing.isEmpty()) {
            builder.withData(
                    "warning",
                    "no holiday notice for " + missing + ": deadlines in it are provisional (statutory holidays"
                            + " only), " + provisional
                            + " open case(s) have one; load it with PUT /api/calendar/{year}");
        }
        return builder.build();
    }
}
