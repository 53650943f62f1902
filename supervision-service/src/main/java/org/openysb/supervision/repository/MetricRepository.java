package org.openysb.supervision.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.openysb.supervision.model.Metric;

/** Reads and increments the daily aggregates. */
@ApplicationScoped
public class MetricRepository {
    private final EntityManager entityManager;

    public MetricRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds {@code delta} to one counter (and its day × unit rollup); must run in the transaction of the change. */
    public void increment(
            LocalDate day, String unit, String channel, String category, String type, Metric metric, int delta) {
        String column = metric.column();
        entityManager
                .createNativeQuery("insert into metric_daily (day, unit, channel, category, type, " + column + ")"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (day, unit, channel, category, type)"
                        + " do update set " + column + " = metric_daily." + column + " + excluded." + column)
                .setParameter(1, day)
                .setParameter(2, unit)
                .setParameter(3, channel)
                .setParameter(4, category)
                .setParameter(5, type)
                .setParameter(6, delta)
                .executeUpdate();
        entityManager
                .createNativeQuery("insert into metric_unit_daily (day, unit, " + column + ") values (?1, ?2, ?3)"
                        + " on conflict (day, unit) do update set " + column + " = metric_unit_daily." + column
                        + " + excluded." + column)
                .setParameter(1, day)
                .setParameter(2, unit)
                .setParameter(3, delta)
                .executeUpdate();
    }

    /** One counter over {@code [from, to]} per category (known categories only), largest first. */
    public Map<String, Long> sumByCategory(LocalDate from, LocalDate to, Metric metric) {
        String column = metric.column();
        List<?> rows = entityManager
                .createNativeQuery("select category, sum(" + column + ") from metric_daily"
                        + " where day between ?1 and ?2 and category <> '-' group by category"
                        + " having sum(" + column + ") > 0 order by sum(" + column + ") desc, category")
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            sums.put((String) cells[0], ((Number) cells[1]).longValue());
        }
        return sums;
    }

    /** Sums of every counter over {@code [from, to]}, optionally filtered, grouped by unit when {@code byUnit}. */
    public Map<String, Map<Metric, Long>> sums(
            LocalDate from, LocalDate to, String unit, String channel, String category, String type, boolean byUnit) {
        StringBuilder sql = new StringBuilder("select ").append(byUnit ? "unit" : "'ALL'");
        for (Metric m : Metric.values()) {
            sql.append(", coalesce(sum(").append(m.column()).append("), 0)");
        }
        // only period and unit asked for: the day × unit rollup answers with ~60 rows a day
        boolean rollup = channel == null && category == null && type == null;
        sql.append(rollup ? " from metric_unit_daily" : " from metric_daily").append(" where day between ?1 and ?2");
        List<Object> params = new ArrayList<>(List.of(from, to));
        for (Object[] filter :
                new Object[][] {{"unit", unit}, {"channel", channel}, {"category", category}, {"type", type}}) {
            if (filter[1] != null) {
                params.add(filter[1]);
                sql.append(" and ").append(filter[0]).append(" = ?").append(params.size());
            }
        }
        if (byUnit) {
            sql.append(" and unit <> '-' group by unit order by unit");
        }
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        Map<String, Map<Metric, Long>> result = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] cells = (Object[]) row;
            Map<Metric, Long> sums = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                sums.put(m, ((Number) cells[m.ordinal() + 1]).longValue());
            }
            result.put((String) cells[0], sums);
        }
        return result;
    }
}
