package org.openysb.supervision.metrics.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import org.openysb.supervision.metrics.model.Metric;

/** Reads and increments the daily aggregates. */
@ApplicationScoped
public class MetricRepository {
    private static final String[] COLUMNS = {"unit", "channel", "category", "type", "district"};

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public MetricRepository(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /**
     * From now until {@link #writeBatch()}, the increments of the current transaction are summed in memory (see
     * {@link MetricBatch}) instead of written one by one. For a consumer's batch of events.
     */
    public void beginBatch() {
        transactions.putResource(MetricBatch.class, new MetricBatch());
    }

    /** Writes what the current transaction summed since {@link #beginBatch()}; call it before the transaction ends. */
    public void writeBatch() {
        MetricBatch batch = batch();
        if (batch != null) {
            entityManager.unwrap(Session.class).doWork(batch::write);
        }
    }

    private MetricBatch batch() {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        MetricBatch batch = (MetricBatch) transactions.getResource(MetricBatch.class);
        return batch != null && batch.open() ? batch : null;
    }

    /** The filters of a request; null fields do not filter. */
    public record Filter(String unit, String channel, String category, String type, String district) {
        public static final Filter NONE = new Filter(null, null, null, null, null);

        String[] values() {
            return new String[] {unit, channel, category, type, district};
        }

        /** Only period and unit asked for: the day × unit rollup answers. */
        boolean rollup() {
            return channel == null && category == null && type == null && district == null;
        }
    }

    /** Sums of every counter for one day, one unit or one channel, or in total (the others null). */
    public record Group(LocalDate day, String unit, String channel, Map<Metric, Long> sums) {}

    /** Adds {@code delta} to one counter (and its day × unit rollup); must run in the transaction of the change. */
    public void increment(
            LocalDate day,
            String unit,
            String channel,
            String category,
            String type,
            String district,
            Metric metric,
            int delta) {
        MetricBatch batch = batch();
        if (batch != null) {
            batch.add(new MetricBatch.Cell(day, unit, channel, category, type, district), metric, delta);
            return;
        }
        String column = metric.column();
        entityManager
                .createNativeQuery("insert into metric_daily (day, unit, channel, category, type, district, " + column
                        + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (day, unit, channel, category, type,"
                        + " district) do update set " + column + " = metric_daily." + column + " + excluded." + column)
                .setParameter(1, day)
                .setParameter(2, unit)
                .setParameter(3, channel)
                .setParameter(4, category)
                .setParameter(5, type)
                .setParameter(6, district)
                .setParameter(7, delta)
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
        return sums(from, to, new Filter(unit, channel, category, type, null), byUnit);
    }

    public Map<String, Map<Metric, Long>> sums(LocalDate from, LocalDate to, Filter filter, boolean byUnit) {
        StringBuilder sql = new StringBuilder("select ").append(byUnit ? "unit" : "'ALL'");
        appendSums(sql);
        // only period and unit asked for: the day × unit rollup answers with ~60 rows a day
        sql.append(filter.rollup() ? " from metric_unit_daily" : " from metric_daily");
        List<Object> params = where(sql, from, to, filter);
        if (byUnit) {
            sql.append(" and unit <> '-' group by unit order by unit");
        }
        Map<String, Map<Metric, Long>> result = new LinkedHashMap<>();
        for (Object row : query(sql, params)) {
            Object[] cells = (Object[]) row;
            result.put((String) cells[0], counters(cells, 1));
        }
        return result;
    }

    /**
     * Every counter over {@code [from, to]} with the filter, summed per day, per unit and per channel and in total,
     * in one pass (grouping sets); from the day × unit rollup (no channel sums) when only the unit filters.
     * {@code day}, {@code unit} and {@code channel} of a group are null where it sums over them.
     */
    public List<Group> groups(LocalDate from, LocalDate to, Filter filter) {
        boolean rollup = filter.rollup();
        StringBuilder sql = new StringBuilder("select day, unit, ").append(rollup ? "null" : "channel");
        appendSums(sql);
        sql.append(rollup ? " from metric_unit_daily" : " from metric_daily");
        List<Object> params = where(sql, from, to, filter);
        sql.append(
                rollup
                        ? " group by grouping sets ((day), (unit), ())"
                        : " group by grouping sets ((day), (unit), (channel), ())");
        List<Group> groups = new ArrayList<>();
        for (Object row : query(sql, params)) {
            Object[] cells = (Object[]) row;
            groups.add(new Group(
                    cells[0] == null ? null : day(cells[0]), (String) cells[1], (String) cells[2], counters(cells, 3)));
        }
        return groups;
    }

    /** One counter over {@code [from, to]} per channel, with the filter (reads metric_daily). */
    public Map<String, Long> sumByChannel(LocalDate from, LocalDate to, Filter filter, Metric metric) {
        StringBuilder sql = new StringBuilder("select channel, sum(")
                .append(metric.column())
                .append(")");
        sql.append(" from metric_daily");
        List<Object> params = where(sql, from, to, filter);
        if (filter.unit() == null) {
            sql.append(" and unit ").append(metric == Metric.RECEIVED ? "= '-'" : "<> '-'");
        }
        sql.append(" group by channel order by channel");
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Object row : query(sql, params)) {
            Object[] cells = (Object[]) row;
            sums.put((String) cells[0], ((Number) cells[1]).longValue());
        }
        return sums;
    }

    /** An overdue cell: open cases of a unit and category past their handling deadline. */
    public record OverdueCount(String unit, String category, long count) {}

    /** Open, running cases past their handling deadline at {@code now}, per unit × category, with the filter. */
    public List<OverdueCount> overdue(OffsetDateTime now, Filter filter) {
        StringBuilder sql = new StringBuilder("select lead_unit, category, count(*) from work_item"
                + " where status in ('ASSIGNED', 'SIGNED') and not suspended and handling_deadline < ?1");
        List<Object> params = new ArrayList<>(List.of(now));
        String[] columns = {"lead_unit", "channel", "category", "type", "district"};
        String[] values = filter.values();
        for (int i = 0; i < columns.length; i++) {
            if (values[i] != null) {
                params.add(values[i]);
                sql.append(" and ").append(columns[i]).append(" = ?").append(params.size());
            }
        }
        sql.append(" group by lead_unit, category order by lead_unit, category");
        List<OverdueCount> cells = new ArrayList<>();
        for (Object row : query(sql, params)) {
            Object[] c = (Object[]) row;
            cells.add(new OverdueCount((String) c[0], (String) c[1], ((Number) c[2]).longValue()));
        }
        return cells;
    }

    private static void appendSums(StringBuilder sql) {
        for (Metric m : Metric.values()) {
            sql.append(", coalesce(sum(").append(m.column()).append("), 0)");
        }
    }

    private static List<Object> where(StringBuilder sql, LocalDate from, LocalDate to, Filter filter) {
        sql.append(" where day between ?1 and ?2");
        List<Object> params = new ArrayList<>(List.of(from, to));
        String[] values = filter.values();
        for (int i = 0; i < COLUMNS.length; i++) {
            if (values[i] != null) {
                params.add(values[i]);
                sql.append(" and ").append(COLUMNS[i]).append(" = ?").append(params.size());
            }
        }
        return params;
    }

    private List<?> query(StringBuilder sql, List<Object> params) {
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }

    private static LocalDate day(Object cell) {
        return cell instanceof LocalDate d ? d : ((java.sql.Date) cell).toLocalDate();
    }

    private static Map<Metric, Long> counters(Object[] cells, int offset) {
        Map<Metric, Long> sums = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            sums.put(m, ((Number) cells[m.ordinal() + offset]).longValue());
        }
        return sums;
    }
}
