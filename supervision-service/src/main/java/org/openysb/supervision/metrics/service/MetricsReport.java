package org.openysb.supervision.metrics.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The rates of domain.md for a period and filter, each with its numerator and denominator so that anyone can check
 * the arithmetic. {@code rate} is null when the denominator is 0.
 */
public record MetricsReport(
        LocalDate from,
        LocalDate to,
        String unit,
        String channel,
        String category,
        String type,
        List<Rate> rates,
        Double compositeScore) {

    /**
     * One rate. {@code denominator} counts only cases whose outcome is decided; {@code pending} the cases of the
     * rate's base whose outcome is not decided yet (0 for rates whose denominator is an event count).
     */
    public record Rate(String name, String nameZh, long numerator, long denominator, long pending, Double rate) {}

    public Rate rate(String name) {
        return rates.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
