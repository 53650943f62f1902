package org.openysb.supervision.metrics.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.repository.MetricRepository;
import org.openysb.supervision.metrics.repository.MetricRepository.Filter;
import org.openysb.supervision.metrics.repository.MetricRepository.Group;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.service.ReferenceNames;

/**
 * The dashboard from one pass over the aggregates (sums per day, unit and channel and in total; the day × unit
 * rollup when only the unit filters) plus the overdue cells from the open cases; the rate arithmetic of /api/metrics.
 */
@ApplicationScoped
public class DashboardService {
    private final MetricRepository repository;
    private final MetricsConfig config;
    private final ReferenceNames names;

    public DashboardService(MetricRepository repository, MetricsConfig config, ReferenceNames names) {
        this.repository = repository;
        this.config = config;
        this.names = names;
    }

    @Transactional
    public Dashboard dashboard(LocalDate from, LocalDate to, Dashboard.Filters filters) {
        Filter filter =
                new Filter(filters.unit(), filters.channel(), filters.category(), filters.type(), filters.district());
        boolean assignedBasis = filters.unit() != null || filters.category() != null;
        Metric receivedMetric = assignedBasis ? Metric.ASSIGNED : Metric.RECEIVED;
        List<Group> groups = repository.groups(from, to, filter);

        Map<Metric, Long> total = new EnumMap<>(Metric.class);
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        Map<String, Map<Metric, Long>> units = new TreeMap<>();
        Map<String, Long> channels = new TreeMap<>();
        for (Group g : groups) {
            if (g.day() != null) {
                long[] day = days.get(g.day());
                day[0] += g.sums().get(receivedMetric);
                day[1] += g.sums().get(Metric.CLOSED);
            } else if (g.unit() != null) {
                if (!MetricsRecorder.NONE.equals(g.unit())) {
                    units.put(g.unit(), g.sums());
                }
            } else if (g.channel() != null) {
                channels.merge(g.channel(), g.sums().get(receivedMetric), Long::sum);
            } else {
                add(total, g.sums());
            }
        }
        if (filter.channel() == null
                && filter.category() == null
                && filter.type() == null
                && filter.district() == null) {
            // the day × unit rollup has no channel: the mix comes from metric_daily
            channels = new TreeMap<>(repository.sumByChannel(from, to, filter, receivedMetric));
        }

        List<MetricsReport.Rate> totalRates = RateArithmetic.rates(total, filters.unit() != null);
        List<Dashboard.DayCount> daily = new ArrayList<>();
        days.forEach((d, c) -> daily.add(new Dashboard.DayCount(d, c[0], c[1])));
        List<Dashboard.UnitRates> unitRates = new ArrayList<>();
        units.forEach((unit, sums) -> {
            List<MetricsReport.Rate> rates = RateArithmetic.rates(sums, true);
            unitRates.add(
                    new Dashboard.UnitRates(unit, names.unit(unit), rates, RateArithmetic.composite(rates, config)));
        });
        List<Dashboard.OverdueCell> overdue =
                repository.overdue(OffsetDateTime.now(WorkingCalendar.CHINA), filter).stream()
                        .map(c -> new Dashboard.OverdueCell(
                                c.unit(), names.unit(c.unit()), c.category(), names.category(c.category()), c.count()))
                        .toList();
        List<Dashboard.ChannelCount> channelCounts = channels.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new Dashboard.ChannelCount(e.getKey(), e.getValue()))
                .toList();
        return new Dashboard(
                from,
                to,
                filters,
                receivedMetric.name(),
                new Dashboard.Totals(totalRates, RateArithmetic.composite(totalRates, config)),
                daily,
                unitRates,
                overdue,
                channelCounts);
    }

    private static void add(Map<Metric, Long> into, Map<Metric, Long> sums) {
        sums.forEach((m, v) -> into.merge(m, v, Long::sum));
    }
}
