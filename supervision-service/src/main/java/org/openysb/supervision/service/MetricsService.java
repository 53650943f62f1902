package org.openysb.supervision.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.model.Metric;
import org.openysb.supervision.repository.MetricRepository;

/** 统计与排名: the rates of domain.md from the daily aggregates, and the monthly/quarterly red and black lists. */
@ApplicationScoped
public class MetricsService {
    private final MetricRepository repository;
    private final MetricsConfig config;

    public MetricsService(MetricRepository repository, MetricsConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @Transactional
    public MetricsReport report(
            LocalDate from, LocalDate to, String unit, String channel, String category, String type) {
        Map<Metric, Long> sums =
                repository.sums(from, to, unit, channel, category, type, false).get("ALL");
        return build(from, to, unit, channel, category, type, sums, unit != null);
    }

    /** One report per unit over the period (for rankings and exports). */
    @Transactional
    public List<MetricsReport> perUnit(LocalDate from, LocalDate to) {
        List<MetricsReport> reports = new ArrayList<>();
        repository
                .sums(from, to, null, null, null, null, true)
                .forEach((unit, sums) -> reports.add(build(from, to, unit, null, null, null, sums, true)));
        return reports;
    }

    /** A ranking with its red list (best) and black list (worst). */
    public record Ranking(
            String period,
            LocalDate from,
            LocalDate to,
            List<Entry> ranking,
            List<Entry> redList,
            List<Entry> blackList) {
        public record Entry(int rank, String unit, Double compositeScore, long assignments) {}
    }

    /** {@code period} is a month ({@code 2026-10}) or a quarter ({@code 2026-Q4}). */
    @Transactional
    public Ranking rankings(String period) {
        LocalDate[] range = range(period);
        List<MetricsReport> units = perUnit(range[0], range[1]).stream()
                .filter(r -> r.rate("onTimeSignForRate").denominator() >= config.minAssignments())
                .filter(r -> r.compositeScore() != null)
                .sorted(Comparator.comparing(MetricsReport::compositeScore)
                        .reversed()
                        .thenComparing(MetricsReport::unit))
                .toList();
        List<Ranking.Entry> entries = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            MetricsReport r = units.get(i);
            entries.add(new Ranking.Entry(
                    i + 1,
                    r.unit(),
                    r.compositeScore(),
                    r.rate("onTimeSignForRate").denominator()));
        }
        int n = Math.min(config.listSize(), entries.size() / 2);
        List<Ranking.Entry> black = new ArrayList<>(entries.subList(entries.size() - n, entries.size()));
        java.util.Collections.reverse(black);
        return new Ranking(period, range[0], range[1], entries, entries.subList(0, n), black);
    }

    static LocalDate[] range(String period) {
        try {
            if (period.matches("\\d{4}-Q[1-4]")) {
                int year = Integer.parseInt(period.substring(0, 4));
                int quarter = period.charAt(6) - '0';
                LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
                return new LocalDate[] {from, from.plusMonths(3).minusDays(1)};
            }
            YearMonth month = YearMonth.parse(period);
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        } catch (RuntimeException e) {
            throw DomainException.invalidField(
                    "period", period, "统计周期应为 2026-10 或 2026-Q4 形式", "a month (2026-10) or a quarter (2026-Q4)");
        }
    }

    private MetricsReport build(
            LocalDate from,
            LocalDate to,
            String unit,
            String channel,
            String category,
            String type,
            Map<Metric, Long> sums,
            boolean perUnit) {
        Map<Metric, Long> s = sums == null ? new java.util.EnumMap<>(Metric.class) : sums;
        // per unit, complaints are counted from their assignment: received counts belong to no unit yet
        Metric receivedBase = perUnit ? Metric.ASSIGNED : Metric.RECEIVED;
        List<MetricsReport.Rate> rates = List.of(
                rate(s, "dispatchRate", "分办率", Metric.DISPATCHED_ON_TIME, Metric.RECEIVED),
                rate(s, "onTimeSignForRate", "及时签收率", Metric.SIGNED_ON_TIME, Metric.ASSIGNED),
                rate(s, "returnRate", "退单率", Metric.RETURNS, Metric.ASSIGNED),
                rate(s, "improperReturnRate", "不当退单率", Metric.IMPROPER_RETURNS, Metric.ASSIGNED),
                rate(s, "responseRate", "响应率", Metric.RESPONDED_ON_TIME, Metric.ASSIGNED),
                rate(s, "onTimeCompletionRate", "按时办结率", Metric.COMPLETED_ON_TIME, Metric.DUE),
                rate(s, "closureRate", "办结率", Metric.CLOSED, receivedBase),
                rate(s, "followUpRate", "回访率", Metric.FOLLOWED_UP, Metric.REPLIED),
                rate(s, "satisfactionRate", "满意率", Metric.SATISFIED, Metric.RATED),
                rate(s, "resolutionRate", "解决率", Metric.SOLVED, Metric.RATED),
                rate(s, "reopenRate", "重办率", Metric.REOPENED, Metric.CLOSED),
                rate(s, "repeatRate", "重复投诉率（并单）", Metric.REPEATS, Metric.RECEIVED));
        return new MetricsReport(from, to, unit, channel, category, type, rates, composite(rates));
    }

    /** 三率综合: weighted mean of response, resolution and satisfaction rates (those with data), in points of 100. */
    private Double composite(List<MetricsReport.Rate> rates) {
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
        return weights == 0 ? null : Math.round(sum / weights * 10000) / 100.0;
    }

    private static double value(List<MetricsReport.Rate> rates, String name) {
        return rates.stream()
                .filter(r -> r.name().equals(name) && r.rate() != null)
                .mapToDouble(MetricsReport.Rate::rate)
                .findFirst()
                .orElse(Double.NaN);
    }

    private static MetricsReport.Rate rate(
            Map<Metric, Long> sums, String name, String zh, Metric numerator, Metric denominator) {
        long n = sums.getOrDefault(numerator, 0L);
        long d = sums.getOrDefault(denominator, 0L);
        return new MetricsReport.Rate(name, zh, n, d, d == 0 ? null : Math.round((double) n / d * 10000) / 10000.0);
    }
}
