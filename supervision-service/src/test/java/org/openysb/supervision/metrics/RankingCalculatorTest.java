package org.openysb.supervision.metrics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.service.MetricsConfig;
import org.openysb.supervision.metrics.service.Ranking;
import org.openysb.supervision.metrics.service.RankingCalculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranking rules of the README (Metrics: rankings) on hand-made counts. */
class RankingCalculatorTest {
    static final MetricsConfig CONFIG = new MetricsConfig() {
        public double responseWeight() {
            return 30;
        }

        public double resolutionWeight() {
            return 35;
        }

        public double satisfactionWeight() {
            return 35;
        }

        public int listSize() {
            return 3;
        }

        public int minDecided() {
            return 30;
        }

        public int minRated() {
            return 1;
        }
    };

    /** A unit with {@code decided} response outcomes and {@code rated} follow-ups, {@code fraction} good of each. */
    static Map<Metric, Long> unit(long decided, long rated, double fraction) {
        Map<Metric, Long> sums = new EnumMap<>(Metric.class);
        sums.put(Metric.ASSIGNED, decided + 5);
        sums.put(Metric.RESPONSE_DECIDED, decided);
        sums.put(Metric.RESPONDED_ON_TIME, Math.round(decided * fraction));
        sums.put(Metric.RATED, rated);
        sums.put(Metric.SATISFIED, Math.round(rated * fraction));
        sums.put(Metric.SOLVED, Math.round(rated * fraction));
        return sums;
    }

    @Test
    void wilsonIntervalMatchesTheTextbook() {
        double[] i = RankingCalculator.wilson(8, 10); // 0.8 of 10: [0.4902, 0.9433]
        assertEquals(0.4902, i[0], 1e-4);
        assertEquals(0.9433, i[1], 1e-4);
        double[] none = RankingCalculator.wilson(0, 0);
        assertEquals(0, none[0]);
        assertEquals(1, none[1]);
    }

    @Test
    void unitsWithTooFewDecidedCasesAreNotRankedAndNobodyIsListedByName() {
        Map<String, Map<Metric, Long>> units = new LinkedHashMap<>();
        units.put("AAA", unit(3, 3, 1.0)); // too few decided
        units.put("BBB", unit(300, 0, 1.0)); // no rated follow-up
        units.put("CCC", unit(0, 0, 0)); // nothing decided at all
        RankingCalculator.Result result = RankingCalculator.rank(units, CONFIG, code -> code + "名");
        assertEquals(0, result.ranking().size());
        assertEquals(3, result.notRanked().size());
        Ranking.NotRanked a = result.notRanked().get(0);
        assertEquals("AAA", a.unit());
        assertEquals("AAA名", a.unitName());
        assertEquals(8, a.assignments());
        assertEquals(3, a.decided());
        assertEquals(3, a.rated());
        assertEquals("INSUFFICIENT_DATA", a.reason());
        assertTrue(result.redList().isEmpty() && result.blackList().isEmpty());
    }

    @Test
    void ranksComeWithIntervalsAndOnlyClearlySeparatedUnitsAreListed() {
        Map<String, Map<Metric, Long>> units = new LinkedHashMap<>();
        units.put("BIG_GOOD", unit(3000, 1000, 0.95));
        units.put("MID", unit(3000, 1000, 0.80));
        units.put("BIG_BAD", unit(3000, 1000, 0.60));
        units.put("SMALL", unit(30, 2, 1.0)); // perfect but on few numbers
        RankingCalculator.Result result = RankingCalculator.rank(units, CONFIG, code -> code);
        assertEquals(
                java.util.List.of("SMALL", "BIG_GOOD", "MID", "BIG_BAD"),
                result.ranking().stream().map(Ranking.Entry::unit).toList());
        Ranking.Entry small = result.ranking().get(0);
        assertEquals(1, small.rank()); // the best score...
        assertEquals(1, small.rankLow());
        assertEquals(4, small.rankHigh()); // ...but its few numbers allow any rank
        assertTrue(small.scoreHigh() - small.scoreLow() > 20, "30 cases and 2 ratings: a wide interval");
        Ranking.Entry good = result.ranking().get(1);
        assertEquals(2, good.rank());
        assertEquals(1, good.rankLow());
        assertEquals(2, good.rankHigh());
        assertTrue(good.scoreHigh() - good.scoreLow() < 5, "3,000 cases: a narrow one");
        assertTrue(good.scoreLow() <= good.compositeScore() && good.compositeScore() <= good.scoreHigh());
        assertEquals(3, good.rates().size());
        Ranking.Entry bad = result.ranking().get(3);
        assertEquals(3, bad.rankLow()); // SMALL might be below it
        assertEquals(4, bad.rankHigh());
        // k = 2: SMALL might be among the worst two, MID among the best two: neither is listed
        assertEquals(
                java.util.List.of("BIG_GOOD"),
                result.redList().stream().map(Ranking.Entry::unit).toList());
        assertEquals(
                java.util.List.of("BIG_BAD"),
                result.blackList().stream().map(Ranking.Entry::unit).toList());
    }

    @Test
    void equalScoresShareARankAndOverlappingUnitsAreNotListed() {
        Map<String, Map<Metric, Long>> units = new LinkedHashMap<>();
        units.put("X", unit(40, 5, 0.8));
        units.put("Y", unit(40, 5, 0.8));
        RankingCalculator.Result result = RankingCalculator.rank(units, CONFIG, code -> code);
        assertEquals(1, result.ranking().get(0).rank());
        assertEquals(1, result.ranking().get(1).rank());
        assertEquals(2, result.ranking().get(1).rankHigh());
        assertTrue(result.redList().isEmpty() && result.blackList().isEmpty());
    }
}
