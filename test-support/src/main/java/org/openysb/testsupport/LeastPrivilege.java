package org.openysb.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the role a service runs with may not do in its database, checked over JDBC as that role (the service's own
 * datasource credentials) in the {@code @QuarkusTest} under way: it is not the migration role, owns nothing, cannot
 * create, alter, drop or truncate a table nor disable a trigger, cannot update or delete rows of the append-only
 * tables (the consumed-event table of every service and those the service names), may change only the delivery
 * columns of the outbox, and cannot read Flyway's history. Every refusal must be PostgreSQL's insufficient_privilege
 * (SQLSTATE 42501); a statement that unexpectedly succeeds is rolled back.
 */
public final class LeastPrivilege {
    /** SQLSTATE insufficient_privilege. */
    public static final String REFUSED = "42501";

    /** The columns the outbox relay sets when it publishes a row or records a failed attempt. */
    private static final List<String> OUTBOX_DELIVERY_COLUMNS = List.of("published_at", "attempts", "last_error");

    private LeastPrivilege() {}

    /** Asserts all of the above; {@code appendOnlyTables} are the service's own besides {@code consumed_event}. */
    public static void assertRuntimeRoleConfined(String... appendOnlyTables) throws SQLException {
        String migrationRole = ConfigProvider.getConfig().getValue("quarkus.flyway.username", String.class);
        try (Connection c = DatabaseAccess.asRuntimeRole()) {
            c.setAutoCommit(false);
            List<Executable> checks = new ArrayList<>();
            String role = single(c, "select current_user");
            checks.add(() -> assertNotEquals(migrationRole, role, "the service runs as its migration role"));
            checks.add(() -> assertEquals(
                    "f f f f f",
                    single(
                            c,
                            "select concat_ws(' ', rolsuper, rolcreatedb, rolcreaterole, rolreplication,"
                                    + " rolbypassrls) from pg_roles where rolname = current_user"),
                    "superuser, createdb, createrole, replication, bypassrls of " + role));
            checks.add(() -> assertEquals(
                    "",
                    single(
                            c,
                            "select coalesce(string_agg(relname, ', '), '') from pg_class"
                                    + " where relowner = (select oid from pg_roles where rolname = current_user)"
                                    + " and relnamespace = 'public'::regnamespace"),
                    role + " owns relations"));
            checks.add(() -> refused(c, "create table least_privilege_probe (id integer)"));
            checks.add(() -> refused(c, "create schema least_privilege_probe"));
            for (String table : tables(c)) {
                checks.add(() -> refused(c, "alter table " + table + " add column least_privilege_probe integer"));
                checks.add(() -> refused(c, "alter table " + table + " disable trigger all"));
                checks.add(() -> refused(c, "alter table " + table + " disable trigger user"));
                checks.add(() -> refused(c, "drop table " + table));
                checks.add(() -> refused(c, "truncate " + table));
            }
            List<String> appendOnly = new ArrayList<>(List.of(appendOnlyTables));
            appendOnly.add("consumed_event");
            for (String table : appendOnly) {
                for (String column : columns(c, table)) {
                    checks.add(
                            () -> refused(c, "update " + table + " set " + column + " = " + column + " where false"));
                }
                checks.add(() -> refused(c, "delete from " + table + " where false"));
            }
            for (String column : columns(c, "outbox_event")) {
                String update = "update outbox_event set " + column + " = " + column + " where false";
                if (OUTBOX_DELIVERY_COLUMNS.contains(column)) {
                    checks.add(() -> allowed(c, update));
                } else {
                    checks.add(() -> refused(c, update));
                }
            }
            checks.add(() -> refused(c, "select count(*) from flyway_schema_history"));
            assertAll("the runtime role " + role, checks);
        }
    }

    /** Asserts, connected as the runtime role, that each statement is refused for want of a privilege. */
    public static void assertRefused(String... statements) throws SQLException {
        try (Connection c = DatabaseAccess.asRuntimeRole()) {
            c.setAutoCommit(false);
            List<Executable> checks = new ArrayList<>();
            for (String sql : statements) {
                checks.add(() -> refused(c, sql));
            }
            assertAll(checks);
        }
    }

    /** Asserts that {@code sql} is refused for want of a privilege (and rolls back whatever it did otherwise). */
    public static void refused(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            fail("allowed to the runtime role: " + sql);
        } catch (SQLException e) {
            assertEquals(REFUSED, e.getSQLState(), () -> sql + ": " + e.getMessage());
        } finally {
            c.rollback();
        }
    }

    private static void allowed(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            fail("refused to the runtime role: " + sql + ": " + e.getMessage());
        } finally {
            c.rollback();
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        return strings(c, "select tablename from pg_tables where schemaname = 'public' order by tablename", null);
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = strings(
                c,
                "select column_name from information_schema.columns where table_schema = 'public'"
                        + " and table_name = ? order by ordinal_position",
                table);
        if (columns.isEmpty()) {
            fail("no table " + table + " (or no privilege at all on it) in the service's schema");
        }
        return columns;
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        } finally {
            c.rollback();
        }
        return values;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } finally {
            c.rollback();
        }
    }
}
