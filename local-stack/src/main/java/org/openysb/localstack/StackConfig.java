package org.openysb.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the local stack keeps its data and which ports it uses. Every value can be set with a system property
 * ({@code -Dopenysb.pg.port=...}) or an environment variable ({@code OPENYSB_PG_PORT=...}).
 *
 * @param repoRoot the repository root (service jars are found under it)
 * @param dataDir everything the stack writes: PostgreSQL data, Kafka logs, service logs
 * @param keycloakHome an unpacked keycloak-quarkus-dist
 * @param webPort the one address of the pages and the services' APIs (web module)
 * @param smtpPort the local SMTP sink (0: any free port)
 * @param smsPort the local SMS gateway sink (0: any free port)
 */
public record StackConfig(
        Path repoRoot,
        Path dataDir,
        Path keycloakHome,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        int keycloakManagementPort,
        int intakePort,
        int routingPort,
        int supervisionPort,
        int notificationPort,
        int webPort,
        boolean durable,
        int smtpPort,
        int smsPort) {

    /** Without sink ports: the SMTP and SMS sinks take any free port (what tests on free ports want). */
    public StackConfig(
            Path repoRoot,
            Path dataDir,
            Path keycloakHome,
            int postgresPort,
            int kafkaPort,
            int kafkaControllerPort,
            int keycloakPort,
            int keycloakManagementPort,
            int intakePort,
            int routingPort,
            int supervisionPort,
            int notificationPort,
            int webPort,
            boolean durable) {
        this(
                repoRoot,
                dataDir,
                keycloakHome,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                keycloakPort,
                keycloakManagementPort,
                intakePort,
                routingPort,
                supervisionPort,
                notificationPort,
                webPort,
                durable,
                0,
                0);
    }

    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "openysb";

    /** The services, in start order, with their database and port. */
    public List<Service> services() {
        return List.of(
                new Service("complaint-intake", "intake", intakePort, "INTAKE_PORT"),
                new Service("case-routing", "routing", routingPort, "ROUTING_PORT"),
                new Service("supervision-service", "supervision", supervisionPort, "SUPERVISION_PORT"),
                new Service("notification-service", "notification", notificationPort, "NOTIFICATION_PORT"));
    }

    /** The web module: the pages, and every service's API under {@code /api/<name>/}; it has no database. */
    public Service web() {
        return new Service("web", null, webPort, "WEB_PORT");
    }

    /** A service of the stack: its module, its database (and user), its HTTP port and the variable naming it. */
    public record Service(String module, String database, int port, String portVariable) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /**
     * The services to start: those named in {@code OPENYSB_SERVICES} (or {@code -Dopenysb.services}), a comma-separated
     * list of modules such as {@code complaint-intake} alone for the pipeline benchmark's baseline; all of them when it
     * is empty (the default). PostgreSQL, Kafka, Keycloak and the sinks always start.
     */
    public List<Service> selectedServices() {
        List<String> only = onlyModules();
        List<String> known = new java.util.ArrayList<>(
                services().stream().map(Service::module).toList());
        known.add(web().module());
        for (String module : only) {
            if (!known.contains(module)) {
                throw new IllegalStateException(
                        "OPENYSB_SERVICES names an unknown module " + module + "; known: " + known);
            }
        }
        return services().stream()
                .filter(s -> only.isEmpty() || only.contains(s.module()))
                .toList();
    }

    /** Whether the web module starts: always, unless {@code OPENYSB_SERVICES} lists modules without {@code web}. */
    public boolean startsWeb() {
        List<String> only = onlyModules();
        return only.isEmpty() || only.contains(web().module());
    }

    private static List<String> onlyModules() {
        return java.util.Arrays.stream(setting("services", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * The JVM options of a service (by its database name: intake, routing, supervision, notification) or of the web
     * module (web). {@code OPENYSB_JVM_OPTIONS_<NAME>} (e.g. {@code OPENYSB_JVM_OPTIONS_INTAKE}) replaces the defaults.
     * Measured with the pipeline benchmark (bench/run-pipeline.sh; docs/performance.md, "The whole pipeline"): the
     * tiered JIT (C1 then C2, e.g. {@code -Xmx224m -XX:+UseSerialGC}) costs about a quarter less CPU per complaint at
     * 100–200 complaints/s, but the four services then started about 20 s later (four JVMs compiling on two cores) and
     * the stack took 100–200 MiB more; C1 only stays the default so that start-up is no slower.
     */
    public static List<String> jvmOptions(String name) {
        String defaults =
                switch (name) {
                    case "web" -> "-Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
                    default -> "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
                };
        return java.util.Arrays.stream(
                        setting("jvm.options." + name, defaults).strip().split("\\s+"))
                .filter(o -> !o.isEmpty())
                .toList();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** Where the sinks write what they receive: {@code sinks/mail/*.eml} and {@code sinks/sms.log}. */
    public Path sinksDir() {
        return dataDir.resolve("sinks");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public static StackConfig fromEnvironment() {
        Path root = Path.of(setting("repo.root", ".")).toAbsolutePath().normalize();
        return new StackConfig(
                root,
                Path.of(setting("data.dir", root.resolve(".local").toString())).toAbsolutePath(),
                Path.of(setting(
                                "keycloak.home",
                                root.resolve("local-stack/target/keycloak/keycloak-" + KEYCLOAK_VERSION)
                                        .toString()))
                        .toAbsolutePath(),
                port("pg.port", 54320),
                port("kafka.port", 9092),
                port("kafka.controller.port", 9093),
                port("keycloak.port", 8180),
                port("keycloak.management.port", 9190),
                port("intake.port", 8081),
                port("routing.port", 8082),
                port("supervision.port", 8083),
                port("notification.port", 8084),
                port("web.port", 8080),
                true,
                port("smtp.port", 2525),
                port("sms.port", 8190));
    }

    static String setting(String name, String fallback) {
        String property = System.getProperty("openysb." + name);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("OPENYSB_" + name.toUpperCase().replace('.', '_'));
        return env != null && !env.isBlank() ? env : fallback;
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(setting(name, String.valueOf(fallback)));
    }
}
