package org.openysb.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", Infrastructure.kafkaBootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // stopped when the test JVM exits, so that every suite of the module shares one PostgreSQL and one broker
    }
}
