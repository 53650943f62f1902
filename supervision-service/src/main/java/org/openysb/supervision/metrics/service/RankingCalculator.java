package org.openysb.supervision.metrics.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.openysb.supervision.metrics.model.Metric;

/**
 * Ranks units by the composite 三率 score with the uncertainty of their numbers (README, Metrics: rankings).
 *
 * <ul>
 *   <li>ranked: at least {@code minDecided} decided response outcomes and {@code minRated} rated follow-ups;
 *   <li>score interval: each rate's 95 % Wilson score interval, combined with the composite's weights (the low ends
 *       weighted together, the high ends likewise; conservative, as if the rates erred together);
 *   <li>rank: 1 + units with a higher score; rankLow = 1 + units whose interval lies wholly above this one's,
 *       rankHigh = n - units whose interval lies wholly below;
 *   <li>lists, k = min(listSize, n/2): the red list holds those of the best k whose rank range cannot reach the
 *       worst k (rankHigh &le; n - k); the black list those of the worst k whose rank range cannot reach the best k
 *       (rankLow &gt; k), worst first.
 * </ul>
 */
public final class RankingCalculator {
    static final double Z95 = 1.959963984540054;
    private static final String[] PARTS = {"responseRate", "resolutionRate", "satisfactionRate"};

    private RankingCalculator() {}

    /** The ranked entries, the not-ranked units, the red and the black list. */
    public record Result(
            List<Ranking.Entry> ranking,
            List<Ranking.NotRanked> notRanked,
            List<Ranking.Entry> redList,
            List<Ranking.Entry> blackList) {}

    public static Result rank(
            Map<String, Map<Metric, Long>> byUnit, MetricsConfig config, UnaryOperator<String> unitNames) {
        List<Ranking.NotRanked> notRanked = new ArrayList<>();
        List<Ranking.Entry> scored = new ArrayList<>();
        double[] weights = {config.responseWeight(), config.resolutionWeight(), config.satisfactionWeight()};
        byUnit.forEach((unit, sums) -> {
            long assigned = sums.getOrDefault(Metric.ASSIGNED, 0L);
            long decided = sums.getOrDefault(Metric.RESPONSE_DECIDED, 0L);
            long rated = sums.getOrDefault(Metric.RATED, 0L);
            if (decided < Math.max(1, config.minDecided()) || rated < Math.max(1, config.minRated())) {
                notRanked.add(new Ranking.NotRanked(
                        unit, unitNames.apply(unit), assigned, decided, rated, "INSUFFICIENT_DATA"));
                return;
            }
            List<MetricsReport.Rate> all = RateArithmetic.rates(sums, true);
            List<MetricsReport.Rate> parts = new ArrayList<>();
            double low = 0;
            double high = 0;
            double total = 0;
            for (int i = 0; i < PARTS.length; i++) {
                MetricsReport.Rate rate = byName(all, PARTS[i]);
                parts.add(rate);
                double[] interval = wilson(rate.numerator(), rate.denominator());
                low += interval[0] * weights[i];
                high += interval[1] * weights[i];
                total += weights[i];
            }
            scored.add(new Ranking.Entry(
                    0,
                    0,
                    0,
                    unit,
                    unitNames.apply(unit),
                    RateArithmetic.composite(all, config),
                    RateArithmetic.points(low / total),
                    RateArithmetic.points(high / total),
                    assigned,
                    List.copyOf(parts)));
        });
        scored.sort(
                Comparator.comparing(Ranking.Entry::compositeScore).reversed().thenComparing(Ranking.Entry::unit));
        int n = scored.size();
        List<Ranking.Entry> ranking = new ArrayList<>();
        for (Ranking.Entry e : scored) {
            int higher = 0;
            int above = 0;
            int below = 0;
            for (Ranking.Entry o : scored) {
                higher += o.compositeScore() > e.compositeScore() ? 1 : 0;
                above += o.scoreLow() > e.scoreHigh() ? 1 : 0;
                below += o.scoreHigh() < e.scoreLow() ? 1 : 0;
            }
            ranking.add(new Ranking.Entry(
                    1 + higher,
                    1 + above,
                    n - below,
                    e.unit(),
                    e.unitName(),
                    e.compositeScore(),
                    e.scoreLow(),
                    e.scoreHigh(),
                    e.assignments(),
                    e.rates()));
        }
        int k = Math.min(config.listSize(), n / 2);
        List<Ranking.Entry> red = ranking.subList(0, k).stream()
                .filter(e -> e.rankHigh() <= n - k)
                .toList();
        List<Ranking.Entry> black = new ArrayList<>(
                ranking.subList(n - k, n).stream().filter(e -> e.rankLow() > k).toList());
        Collections.reverse(black);
        return new Result(List.copyOf(ranking), List.copyOf(notRanked), red, black);
    }

    /** The weights of the composite score as answered: response, resolution, satisfaction. */
    public static Map<String, Double> weights(MetricsConfig config) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("response", config.responseWeight());
        weights.put("resolution", config.resolutionWeight());
        weights.put("satisfaction", config.satisfactionWeight());
        return weights;
    }

    /** The 95 % Wilson score interval of {@code x} successes in {@code n} trials ([0, 1] when n is 0). */
    public static double[] wilson(long x, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static MetricsReport.Rate byName(List<MetricsReport.Rate> rates, String name) {
        return rates.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
