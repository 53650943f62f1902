package org.openysb.supervision.metrics.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The supervisor's dashboard for a period and filters. {@code receivedBasis}: "RECEIVED" (complaints received) or,
 * when a unit or a category filters (receipts belong to no unit or category yet), "ASSIGNED" (dispatches) — it is
 * what {@code daily[].received} and {@code channels[].received} count. {@code closed}: closures of the complaints
 * received (or assigned) that day. {@code overdue}: open cases past their handling deadline now, whatever the period.
 */
public record Dashboard(
        LocalDate from,
        LocalDate to,
        Filters filters,
        String receivedBasis,
        Totals totals,
        List<DayCount> daily,
        List<UnitRates> units,
        List<OverdueCell> overdue,
        List<ChannelCount> channels) {

    public record Filters(String unit, String district, String channel, String category, String type) {}

    public record Totals(List<MetricsReport.Rate> rates, Double compositeScore) {}

    public record DayCount(LocalDate day, long received, long closed) {}

    public record UnitRates(String unit, String unitName, List<MetricsReport.Rate> rates, Double compositeScore) {}

    public record OverdueCell(String unit, String unitName, String category, String categoryName, long count) {}

    public record ChannelCount(String channel, long received) {}
}
