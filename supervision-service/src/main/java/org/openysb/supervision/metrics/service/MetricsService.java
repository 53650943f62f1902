package org.openysb.supervision.metrics.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.repository.MetricRepository;
import org.openysb.supervision.service.ReferenceNames;

/** 统计与排名: the rates of domain.md from the daily aggregates, and the monthly/quarterly red and black lists. */
@ApplicationScoped
public class MetricsService {
    private final MetricRepository repository;
    private final MetricsConfig config;
    private final ReferenceNames names;

    public MetricsService(MetricRepository repository, MetricsConfig config, ReferenceNames names) {
        this.repository = repository;
        this.config = config;
        this.names = names;
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

    /** {@code period} is a month ({@code 2026-10}) or a quarter ({@code 2026-Q4}); see {@link RankingCalculator}. */
    @Transactional
    public Ranking rankings(String period) {
        LocalDate[] range = range(period);
        RankingCalculator.Result result = RankingCalculator.rank(
                repository.sums(range[0], range[1], MetricRepository.Filter.NONE, true), config, names::unit);
        return new Ranking(
                period,
                range[0],
                range[1],
                RankingCalculator.weights(config),
                config.minDecided(),
                config.minRated(),
                result.ranking(),
                result.notRanked(),
                result.redList(),
                result.blackList());
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
        // per unit, complaints are counted from their assignment: received counts belong to no unit yet
        List<MetricsReport.Rate> rates = RateArithmetic.rates(sums, perUnit);
        return new MetricsReport(
                from, to, unit, channel, category, type, rates, RateArithmetic.composite(rates, config));
    }
}
