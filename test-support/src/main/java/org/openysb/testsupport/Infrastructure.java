package org.openysb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.openysb.localstack.DatabaseRoles;
import org.openysb.localstack.KafkaTopics;

/**
 * One real PostgreSQL and one real KRaft Kafka broker per test JVM, started on first use and stopped when the JVM
 * exits. Their files live under {@code target/}.
 */
public final class Infrastructure {
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker kafka;
    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();

    private Infrastructure() {}

    /**
     * Starts PostgreSQL if needed and returns the JDBC URL of {@code database} (without credentials), created if absent
     * with its migration and runtime roles ({@link DatabaseRoles}).
     */
    public static synchronized String postgresJdbcUrl(String database) {
        if (postgres == null) {
            try {
                Path dir = Path.of("target", "embedded-pg").toAbsolutePath();
                Files.createDirectories(dir);
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                        .setDataDirectory(dir.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setPort(freePort())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopPostgres, "stop-postgres"));
        }
        if (DATABASES.add(database)) {
            // as in the local stack and in production: a migration role owns the schema, the service runs as another
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                DatabaseRoles.provision(
                        c, database, db -> postgres.getDatabase("postgres", db).getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
        // no user in the URL: the JDBC driver lets a URL's user override the credentials a connection is opened with
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /**
     * The database settings of a packaged service (its {@code application.properties} variables) for {@code database},
     * created if absent: it runs as the runtime role and migrates as the migration role.
     */
    public static Map<String, String> serviceDatabaseEnvironment(String database) {
        String url = postgresJdbcUrl(database);
        String runtime = DatabaseRoles.runtimeRole(database);
        String migration = DatabaseRoles.migrationRole(database);
        return Map.of(
                "DB_URL", url,
                "DB_USER", runtime,
                "DB_PASSWORD", DatabaseRoles.localPassword(runtime),
                "DB_MIGRATION_USER", migration,
                "DB_MIGRATION_PASSWORD", DatabaseRoles.localPassword(migration));
    }

    /** Starts the Kafka broker if needed and returns its bootstrap servers. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaBroker()
                    .withKafkaHost("127.0.0.1")
                    .withKafkaPort(freePort())
                    .withControllerPort(freePort())
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("num.partitions", "3");
                        p.put("auto.create.topics.enable", "true");
                        p.put("group.initial.rebalance.delay.ms", "0");
                        p.put("offsets.topic.num.partitions", "3");
                        p.put(
                                "log.dirs",
                                Path.of("target", "embedded-kafka")
                                        .toAbsolutePath()
                                        .toString());
                    })
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(Infrastructure::stopKafka, "stop-kafka"));
            // the topics of the flow exist before the service under test subscribes, as in a deployment
            KafkaTopics.create(kafka.getAdvertisedListeners());
        }
        return kafka.getAdvertisedListeners();
    }

    private static synchronized void stopPostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
            postgres = null;
        }
    }

    private static synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
