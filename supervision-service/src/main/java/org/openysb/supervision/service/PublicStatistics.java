package org.openysb.supervision.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The public figures of the portal: counts and rates only, no personal data and no complaint text. Rates and scores
 * are fractions (0–1); a rate is null when its denominator is 0.
 *
 * @param months per calendar month: complaints received, and how many of those are closed (办结) so far
 * @param units per unit over the period: response, resolution and satisfaction rates and the composite 三率 score
 * @param ranking the red and black lists (红黑榜) of the current quarter
 * @param categories dispatches (派单) per category over the period
 */
public record PublicStatistics(
        LocalDate from,
        LocalDate to,
        List<MonthCount> months,
        List<UnitFigures> units,
        Ranking ranking,
        List<CategoryCount> categories) {

    public record MonthCount(String month, long received, long closed) {}

    public record Ratio(long numerator, long denominator, Double rate) {}

    public record UnitFigures(
            String code, String name, Ratio response, Ratio resolution, Ratio satisfaction, Double composite) {}

    public record Ranking(String period, List<RankedUnit> red, List<RankedUnit> black) {}

    public record RankedUnit(String code, String name, Double score) {}

    public record CategoryCount(String code, String name, long count) {}
}
