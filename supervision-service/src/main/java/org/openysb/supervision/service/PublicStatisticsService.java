package org.openysb.supervision.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.repository.MetricRepository;
import org.openysb.supervision.metrics.service.MetricsReport;
import org.openysb.supervision.metrics.service.MetricsService;
import org.openysb.supervision.metrics.service.Ranking;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.service.PublicStatistics.CategoryCount;
import org.openysb.supervision.service.PublicStatistics.MonthCount;
import org.openysb.supervision.service.PublicStatistics.RankedUnit;
import org.openysb.supervision.service.PublicStatistics.Ratio;
import org.openysb.supervision.service.PublicStatistics.UnitFigures;

/**
 * 公开统计: the figures anyone may see, from the same aggregates and rate arithmetic as the oversight reports
 * ({@link MetricsService}), over the last {@code months} calendar months up to the current one. Computed answers are
 * kept for {@code supervision.public.statistics-cache-ttl}: the endpoint is public and unauthenticated.
 */
@ApplicationScoped
public class PublicStatisticsService {
    private final MetricsService metrics;
    private final MetricRepository repository;
    private final ReferenceNames names;
    private final PublicConfig config;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(PublicStatistics statistics, long computedAt) {}

    public PublicStatisticsService(
            MetricsService metrics, MetricRepository repository, ReferenceNames names, PublicConfig config) {
        this.metrics = metrics;
        this.repository = repository;
        this.names = names;
        this.config = config;
    }

    /** {@code months} null: the default; otherwise 1 to the maximum (400 beyond). */
    public PublicStatistics statistics(Integer months) {
        int n = months == null ? config.statisticsDefaultMonths() : months;
        if (n < 1 || n > config.statisticsMaxMonths()) {
            throw DomainException.invalidField(
                    "months",
                    months,
                    "统计月数应为1到" + config.statisticsMaxMonths() + "之间的整数",
                    "months is between 1 and " + config.statisticsMaxMonths());
        }
        long ttl = config.statisticsCacheTtl().toNanos();
        Cached cached = cache.get(n);
        if (cached != null && System.nanoTime() - cached.computedAt() < ttl) {
            return cached.statistics();
        }
        PublicStatistics fresh = compute(n);
        cache.put(n, new Cached(fresh, System.nanoTime()));
        return fresh;
    }

    @Transactional
    PublicStatistics compute(int months) {
        YearMonth current = YearMonth.now(clock);
        YearMonth first = current.minusMonths(months - 1L);
        LocalDate from = first.atDay(1);
        LocalDate to = current.atEndOfMonth();
        List<MonthCount> counts = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            MetricsReport.Rate closure = metrics.report(m.atDay(1), m.atEndOfMonth(), null, null, null, null)
                    .rate("closureRate");
            counts.add(new MonthCount(m.toString(), closure.denominator(), closure.numerator()));
        }
        List<UnitFigures> units = metrics.perUnit(from, to).stream()
                .map(r -> new UnitFigures(
                        r.unit(),
                        names.unit(r.unit()),
                        ratio(r.rate("responseRate")),
                        ratio(r.rate("resolutionRate")),
                        ratio(r.rate("satisfactionRate")),
                        fraction(r.compositeScore())))
                .toList();
        List<CategoryCount> categories = repository.sumByCategory(from, to, Metric.ASSIGNED).entrySet().stream()
                .map(e -> new CategoryCount(e.getKey(), names.category(e.getKey()), e.getValue()))
                .toList();
        return new PublicStatistics(from, to, counts, units, ranking(current), categories);
    }

    /** The red and black lists of the quarter of {@code month}. */
    private PublicStatistics.Ranking ranking(YearMonth month) {
        String period = month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
        Ranking ranking = metrics.rankings(period);
        return new PublicStatistics.Ranking(period, ranked(ranking.redList()), ranked(ranking.blackList()));
    }

    private List<RankedUnit> ranked(List<Ranking.Entry> entries) {
        return entries.stream()
                .map(e -> new RankedUnit(e.unit(), names.unit(e.unit()), fraction(e.compositeScore())))
                .toList();
    }

    private static Ratio ratio(MetricsReport.Rate rate) {
        return new Ratio(rate.numerator(), rate.denominator(), rate.rate());
    }

    /** The composite score of MetricsService (points of 100, two decimals) as a fraction like the rates. */
    private static Double fraction(Double points) {
        return points == null ? null : Math.round(points * 100) / 10000.0;
    }
}
