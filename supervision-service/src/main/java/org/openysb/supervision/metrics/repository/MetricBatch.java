package org.openysb.supervision.metrics.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import org.openysb.supervision.metrics.model.Metric;

/**
 * The counter increments of one transaction (a consumed batch of events), summed in memory per aggregate row and
 * written by one batched upsert per table just before commit: a unit's day row is then updated once per batch, not
 * once per event, and its lock is held only for the end of the transaction. Rows are written in key order, so that
 * two transactions touching the same rows lock them in the same order.
 */
final class MetricBatch {
    private static final Metric[] METRICS = Metric.values();
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /** One row of metric_daily. */
    record Cell(LocalDate day, String unit, String channel, String category, String type, String district) {}

    /** One row of metric_unit_daily. */
    record UnitDay(LocalDate day, String unit) {}

    private static final Comparator<Cell> CELL_ORDER = Comparator.comparing(Cell::day)
            .thenComparing(Cell::unit, TEXT)
            .thenComparing(Cell::channel, TEXT)
            .thenComparing(Cell::category, TEXT)
            .thenComparing(Cell::type, TEXT)
            .thenComparing(Cell::district, TEXT);

    private static final Comparator<UnitDay> UNIT_DAY_ORDER =
            Comparator.comparing(UnitDay::day).thenComparing(UnitDay::unit, TEXT);

    private final Map<Cell, long[]> daily = new TreeMap<>(CELL_ORDER);
    private final Map<UnitDay, long[]> unitDaily = new TreeMap<>(UNIT_DAY_ORDER);
    private boolean open = true;

    boolean open() {
        return open;
    }

    void add(Cell cell, Metric metric, int delta) {
        daily.computeIfAbsent(cell, c -> new long[METRICS.length])[metric.ordinal()] += delta;
        unitDaily
                .computeIfAbsent(new UnitDay(cell.day(), cell.unit()), c -> new long[METRICS.length])[
                metric.ordinal()] += delta;
    }

    /** Writes the sums and closes the batch (later increments of the transaction are written at once again). */
    void write(Connection connection) throws SQLException {
        open = false;
        if (daily.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                upsert("metric_daily", "day, unit, channel, category, type, district", 6))) {
            for (Map.Entry<Cell, long[]> e : daily.entrySet()) {
                Cell c = e.getKey();
                ps.setObject(1, c.day());
                ps.setString(2, c.unit());
                ps.setString(3, c.channel());
                ps.setString(4, c.category());
                ps.setString(5, c.type());
                ps.setString(6, c.district());
                setCounters(ps, 7, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement(upsert("metric_unit_daily", "day, unit", 2))) {
            for (Map.Entry<UnitDay, long[]> e : unitDaily.entrySet()) {
                ps.setObject(1, e.getKey().day());
                ps.setString(2, e.getKey().unit());
                setCounters(ps, 3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setCounters(PreparedStatement ps, int first, long[] counters) throws SQLException {
        for (int i = 0; i < counters.length; i++) {
            ps.setLong(first + i, counters[i]);
        }
    }

    private static String upsert(String table, String key, int keyColumns) {
        StringBuilder columns = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (Metric m : METRICS) {
            columns.append(", ").append(m.column());
            updates.append(updates.isEmpty() ? "" : ", ")
                    .append(m.column())
                    .append(" = ")
                    .append(table)
                    .append('.')
                    .append(m.column())
                    .append(" + excluded.")
                    .append(m.column());
        }
        return "insert into " + table + " (" + key + columns + ") values ("
                + "?, ".repeat(keyColumns + METRICS.length - 1) + "?) on conflict (" + key + ") do update set "
                + updates;
    }
}
