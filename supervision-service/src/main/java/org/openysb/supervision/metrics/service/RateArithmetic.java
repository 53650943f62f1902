package org.openysb.supervision.metrics.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openysb.supervision.metrics.model.Metric;

/**
 * The rates of domain.md from summed counters, and the composite 三率 score. Sign-for and response rates count only
 * decided outcomes (signed / contacted, or the deadline passed without it); the rest of their base is pending.
 */
final class RateArithmetic {
    private RateArithmetic() {}

    /** {@code perUnit}: closure counts against assignments (receipts belong to no unit yet). */
    static List<MetricsReport.Rate> rates(Map<Metric, Long> sums, boolean perUnit) {
        Map<Metric, Long> s = sums == null ? new EnumMap<>(Metric.class) : sums;
        Metric receivedBase = perUnit ? Metric.ASSIGNED : Metric.RECEIVED;
        return List.of(
                rate(s, "dispatchRate", "分办率", Metric.DISPATCHED_ON_TIME, Metric.RECEIVED, null),
                rate(s, "onTimeSignForRate", "及时签收率", Metric.SIGNED_ON_TIME, Metric.SIGN_DECIDED, Metric.ASSIGNED),
                rate(s, "returnRate", "退单率", Metric.RETURNS, Metric.ASSIGNED, null),
                rate(s, "improperReturnRate", "不当退单率", Metric.IMPROPER_RETURNS, Metric.ASSIGNED, null),
                rate(s, "responseRate", "响应率", Metric.RESPONDED_ON_TIME, Metric.RESPONSE_DECIDED, Metric.ASSIGNED),
                rate(s, "onTimeCompletionRate", "按时办结率", Metric.COMPLETED_ON_TIME, Metric.DUE, null),
                rate(s, "closureRate", "办结率", Metric.CLOSED, receivedBase, null),
                rate(s, "followUpRate", "回访率", Metric.FOLLOWED_UP, Metric.REPLIED, null),
                rate(s, "satisfactionRate", "满意率", Metric.SATISFIED, Metric.RATED, null),
                rate(s, "resolutionRate", "解决率", Metric.SOLVED, Metric.RATED, null),
                rate(s, "reopenRate", "重办率", Metric.REOPENED, Metric.CLOSED, null),
                rate(s, "repeatRate", "重复投诉率（并单）", Metric.REPEATS, Metric.RECEIVED, null));
    }

    /** 三率综合: weighted mean of response, resolution and satisfaction rates (those with data), in points of 100. */
    static Double composite(List<MetricsReport.Rate> rates, MetricsConfig config) {
        double[][] parts = {
            {value(rates, "responseRate"), config.responseWeight()},
            {value(rates, "resolutionRate"), config.resolutionWeight()},
            {value(rates, "satisfactionRate"), config.satisfactionWeight()}
        };
        double sum = 0;
        double weights = 0;
        for (double[] part : parts) {
            if (!Double.isNaN(part[0])) {
                sum += part[0] * part[1];
                weights += part[1];
            }
        }
        return weights == 0 ? null : points(sum / weights);
    }

    /** A fraction as points of 100 with two decimals. */
    static double points(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }

    private static double value(List<MetricsReport.Rate> rates, String name) {
        return rates.stream()
                .filter(r -> r.name().equals(name) && r.rate() != null)
                .mapToDouble(MetricsReport.Rate::rate)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** {@code base}: the counter the decided denominator is part of (pending = base - denominator), or null. */
    private static MetricsReport.Rate rate(
            Map<Metric, Long> sums, String name, String zh, Metric numerator, Metric denominator, Metric base) {
        long n = sums.getOrDefault(numerator, 0L);
        long d = sums.getOrDefault(denominator, 0L);
        long pending = base == null ? 0 : Math.max(0, sums.getOrDefault(base, 0L) - d);
        return new MetricsReport.Rate(
                name, zh, n, d, pending, d == 0 ? null : Math.round((double) n / d * 10000) / 10000.0);
    }
}
