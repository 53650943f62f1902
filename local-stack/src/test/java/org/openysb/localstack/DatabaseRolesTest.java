package org.openysb.localstack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The two roles of a service database, on a fresh cluster and on a data directory from before them. */
class DatabaseRolesTest {
    @TempDir
    static Path dir;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                .setDataDirectory(dir.resolve("data"))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void anOldDatabaseOwnedByTheServiceRolePassesToTheMigrationRoleWithItsData() throws Exception {
        // a developer's .local from before: the service's role owns the database and its append-only table
        try (Connection admin = admin();
                Statement s = admin.createStatement()) {
            s.execute("create role legacy login password 'legacy-local-dev'");
            s.execute("create database legacy owner legacy");
        }
        try (Connection c = as("legacy", "legacy");
                Statement s = c.createStatement()) {
            s.execute("create table entry (id bigserial primary key, detail text not null)");
            s.execute("create function entry_append_only() returns trigger language plpgsql as"
                    + " $$ begin raise exception 'append-only'; end; $$");
            s.execute("create trigger entry_no_update before update or delete on entry"
                    + " for each row execute function entry_append_only()");
            s.execute("insert into entry (detail) values ('opened')");
        }

        provision("legacy");
        provision("legacy"); // idempotent: the launcher runs it at every start

        try (Connection admin = as("postgres", "legacy")) {
            assertEquals(
                    "legacy_migration",
                    single(admin, "select pg_get_userbyid(datdba) from pg_database" + " where datname = 'legacy'"));
            assertEquals(
                    "legacy_migration", single(admin, "select tableowner from pg_tables where tablename = 'entry'"));
            assertEquals(
                    "legacy_migration",
                    single(
                            admin,
                            "select pg_get_userbyid(proowner) from pg_proc" + " where proname = 'entry_append_only'"));
        }
        try (Connection owner = as("legacy_migration", "legacy")) {
            assertEquals("opened", single(owner, "select detail from entry"));
        }
        try (Connection runtime = as("legacy", "legacy");
                Statement s = runtime.createStatement()) {
            for (String sql : new String[] {
                "alter table entry disable trigger user",
                "drop table entry",
                "truncate entry",
                "create table another (id integer)",
                "alter table entry add column forged text"
            }) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aFreshDatabaseBelongsToTheMigrationRoleAndOnlyItsOwnRolesConnect() throws Exception {
        provision("fresh");
        provision("other");
        try (Connection admin = admin()) {
            assertEquals(
                    "fresh_migration",
                    single(admin, "select pg_get_userbyid(datdba) from pg_database" + " where datname = 'fresh'"));
            assertEquals(
                    "f f f",
                    single(
                            admin,
                            "select concat_ws(' ', rolsuper, rolcreatedb, rolcreaterole)"
                                    + " from pg_roles where rolname = 'fresh'"));
        }
        try (Connection runtime = as("fresh", "fresh")) {
            assertEquals("fresh", single(runtime, "select current_user"));
        }
        SQLException e =
                assertThrows(SQLException.class, () -> as("fresh", "other").close());
        assertEquals("42501", e.getSQLState(), e.getMessage());
    }

    private static void provision(String database) throws SQLException {
        try (Connection admin = admin()) {
            DatabaseRoles.provision(
                    admin, database, db -> postgres.getDatabase("postgres", db).getConnection());
        }
    }

    private static Connection admin() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static Connection as(String role, String database) throws SQLException {
        return postgres.getDatabase(role, database).getConnection();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
