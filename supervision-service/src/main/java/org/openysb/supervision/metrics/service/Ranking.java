package org.openysb.supervision.metrics.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A monthly or quarterly ranking by the composite 三率 score. Only units with enough decided cases are ranked; each
 * comes with the interval its numbers allow ({@code scoreLow}–{@code scoreHigh}) and the ranks that interval allows
 * ({@code rankLow} best – {@code rankHigh} worst). The red list (best first) and the black list (worst first) hold
 * only units clearly apart from the other list. Scores in points of 100.
 */
public record Ranking(
        String period,
        LocalDate from,
        LocalDate to,
        Map<String, Double> weights,
        int minDecided,
        int minRated,
        List<Entry> ranking,
        List<NotRanked> notRanked,
        List<Entry> redList,
        List<Entry> blackList) {

    public record Entry(
            int rank,
            int rankLow,
            int rankHigh,
            String unit,
            String unitName,
            Double compositeScore,
            Double scoreLow,
            Double scoreHigh,
            long assignments,
            List<MetricsReport.Rate> rates) {}

    /** A unit with data in the period but too few decided cases ({@code decided}: response outcomes). */
    public record NotRanked(String unit, String unitName, long assignments, long decided, long rated, String reason) {}
}
