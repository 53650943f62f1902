package org.openysb.supervision.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Warns — without taking the service out of rotation — when this or next year has no holiday calendar, so that
 * deadlines would be computed on weekends alone. Also a gauge, {@code calendar_years_missing}, for alerting.
 */
@Readiness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {
    private final CalendarService calendar;

    public CalendarHealth(CalendarService calendar, MeterRegistry registry) {
        this.calendar = calendar;
        Gauge.builder("calendar.years.missing", this, h -> h.missing().size())
                .description("years (this and next) without a State Council holiday calendar")
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
        if (!missing.isEmpty()) {
            builder.withData(
                    "warning", "no holiday calendar for " + missing + ": load it with PUT /api/calendar/{year}");
        }
        return builder.build();
    }
}
