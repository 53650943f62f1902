package org.openysb.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.openysb.localstack.DatabaseRoles;

/**
 * Gives a {@code @QuarkusTest} suite a real PostgreSQL database (named after the {@code database} init argument) and
 * a real Kafka broker. Declared once per module; Quarkus shares it across all test classes of the module.
 */
public class PostgresAndKafkaResource implements QuarkusTestResourceLifecycleManager {
    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestTokens.oidcConfig());
        config.put("quarkus.datasource.jdbc.url", Infrastructure.postgresJdbcUrl(database));
        // the service runs as its runtime role; Flyway migrates as the migration role, which owns the schema
        String runtime = DatabaseRoles.runtimeRole(database);
        String migration = DatabaseRoles.migrationRole(database);
        config.put("quarkus.datasource.username", runtime);
        config.put("quarkus.datasource.password", DatabaseRoles.localPassword(runtime));
        config.put("quarkus.flyway.username", migration);
        config.put("quarkus.flyway.password", DatabaseRoles.localPassword(migration));
        config.put("kafka.bootstrap.servers", Infrastructure.kafkaBootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // stopped when the test JVM exits, so that every suite of the module shares one PostgreSQL and one broker
    }
}
