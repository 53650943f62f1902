package org.openysb.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connections to the database of the {@code @QuarkusTest} under way, with the credentials the service itself holds:
 * the runtime role of its datasource, or the migration role Flyway uses. Test set-up that needs what the service may
 * not do (DDL, lifting a trigger, as an insider with the owner's credentials would) goes through
 * {@link #asMigrationRole()}.
 */
public final class DatabaseAccess {
    private DatabaseAccess() {}

    /** A connection as the role the service runs with ({@code quarkus.datasource.username}). */
    public static Connection asRuntimeRole() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** A connection as the role that owns the schema ({@code quarkus.flyway.username}). */
    public static Connection asMigrationRole() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }
}
