package org.openysb.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Hands out case numbers: {@code TS} + the day + the day's ordinal (at least four digits), e.g. TS202611210001.
 *
 * <p>The day's counter row is incremented on a connection of its own (datasource {@code case-numbers}, outside the
 * submission's transaction, auto-commit), so the row is locked for the microseconds of one statement instead of for
 * the whole submission — which serialised every submission of a day behind one row lock — and no submission ever
 * waits on a second connection from the pool its own transaction draws on. The increment commits without waiting for
 * the disk: the case that uses the number commits later and synchronously, which flushes the write-ahead log up to and
 * including the increment. A submission that fails afterwards leaves a gap in the day's numbers, as a sequence would.
 */
@ApplicationScoped
public class CaseNumberRepository {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String RESERVE = "insert into case_number_counter (day, last_used) values (?, ?)"
            + " on conflict (day) do update set last_used = case_number_counter.last_used + excluded.last_used"
            + " returning last_used";

    private final AgroalDataSource counters;

    public CaseNumberRepository(@DataSource("case-numbers") AgroalDataSource counters) {
        this.counters = counters;
    }

    public String next(LocalDate day) {
        return reserve(day, 1).get(0);
    }

    /** {@code count} consecutive case numbers of the day, in one statement. */
    public List<String> reserve(LocalDate day, int count) {
        try (Connection connection = counters.getConnection()) {
            connection.setAutoCommit(true); // synchronous_commit is off on these connections (new-connection-sql)
            try (PreparedStatement next = connection.prepareStatement(RESERVE)) {
                next.setObject(1, day);
                next.setInt(2, count);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    long last = rs.getLong(1);
                    List<String> numbers = new ArrayList<>(count);
                    for (long n = last - count + 1; n <= last; n++) {
                        numbers.add("TS" + DAY.format(day) + String.format("%04d", n));
                    }
                    return numbers;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no case number: " + e.getMessage(), e);
        }
    }
}
