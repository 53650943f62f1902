package org.openysb.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two PostgreSQL roles of a service's database. The migration role ({@code <database>_migration}) owns the
 * database and everything in it; only Flyway connects with it. The runtime role ({@code <database>}) is the one the
 * service's datasource uses: it owns nothing, and gets its table privileges from the service's Flyway
 * {@code afterMigrate} callbacks. Local-development passwords are {@code <role>-local-dev}; deployments set their own
 * ({@code DB_PASSWORD}, {@code DB_MIGRATION_PASSWORD}).
 */
public final class DatabaseRoles {
    private DatabaseRoles() {}

    /** Opens a superuser connection to one database of the cluster. */
    @FunctionalInterface
    public interface Connector {
        Connection connect(String database) throws SQLException;
    }

    /** The role the service runs with. */
    public static String runtimeRole(String database) {
        return database;
    }

    /** The role that owns the schema and that Flyway migrates with. */
    public static String migrationRole(String database) {
        return database + "_migration";
    }

    /** The local-development password of a role (never used outside the local stack and the tests). */
    public static String localPassword(String role) {
        return role + "-local-dev";
    }

    /**
     * Creates both roles and {@code database}, owned by the migration role. A database from before the two roles
     * (owned by the runtime role) is upgraded in place: the database and everything in it passes to the migration
     * role, the data stays. Idempotent.
     *
     * @param admin a superuser connection to any database of the cluster
     * @param connector opens a superuser connection to {@code database}
     */
    public static void provision(Connection admin, String database, Connector connector) throws SQLException {
        String migration = migrationRole(database);
        String runtime = runtimeRole(database);
        try (Statement s = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", migration)) {
                s.execute("create role " + migration + " login password '" + localPassword(migration) + "'");
            }
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", runtime)) {
                s.execute("create role " + runtime + " login password '" + localPassword(runtime) + "'");
            }
            for (String role : new String[] {migration, runtime}) {
                s.execute("alter role " + role + " nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                s.execute("create database " + database + " owner " + migration);
            } else {
                s.execute("alter database " + database + " owner to " + migration);
            }
            // only the service's own roles connect to its database
            s.execute("revoke connect, temporary on database " + database + " from public");
            s.execute("grant connect on database " + database + " to " + runtime);
        }
        try (Connection db = connector.connect(database);
                Statement s = db.createStatement()) {
            // tables, sequences and functions the runtime role owned before pass to the migration role
            s.execute("reassign owned by " + runtime + " to " + migration);
            s.execute("revoke create on schema public from public");
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
