package org.openysb.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole system on one machine without containers: a real PostgreSQL (one database per service, plus Keycloak's),
 * a real single-node KRaft Kafka broker, a real Keycloak with the project's realm, and the four services as packaged
 * jars. Data stays under {@link StackConfig#dataDir()}, so a restart keeps every complaint.
 */
public final class LocalStack implements AutoCloseable {
    private final StackConfig config;
    private EmbeddedPostgres postgres;
    private EmbeddedKafkaBroker kafka;
    private MailSink mailSink;
    private SmsSink smsSink;
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> startTimes = new HashMap<>();
    private final Map<String, Map<String, String>> extraEnvironment = new HashMap<>();

    public LocalStack(StackConfig config) {
        this.config = config;
    }

    /**
     * Extra environment of one service (its module name), set before {@link #start()}; e.g. the end-to-end tests turn
     * notification-service's quiet hours off, since they run at any hour.
     */
    public LocalStack withEnvironment(String module, Map<String, String> environment) {
        extraEnvironment.computeIfAbsent(module, m -> new HashMap<>()).putAll(environment);
        return this;
    }

    public StackConfig config() {
        return config;
    }

    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** Starts everything and returns when every health check is UP. */
    public LocalStack start() throws IOException, InterruptedException {
        Files.createDirectories(config.dataDir());
        check(config.keycloakHome().resolve("bin/kc.sh"), "Keycloak distribution (build local-stack first)");
        for (StackConfig.Service service : config.services()) {
            check(jar(service), service.module() + " (run the build first)");
        }
        check(jar(config.web()), "web (run the build first)");
        List<StackConfig.Service> selected = config.selectedServices();
        timed("postgres", this::startPostgres);
        timed("kafka", this::startKafka);
        timed("keycloak", this::startKeycloak);
        timed("sinks", this::startSinks);
        // the services start in parallel: they only need PostgreSQL and Kafka, and discover Keycloak lazily
        for (StackConfig.Service service : selected) {
            processes.add(startService(service));
        }
        for (StackConfig.Service service : selected) {
            ManagedProcess process = processes.stream()
                    .filter(p -> p.name().equals(service.module()))
                    .findFirst()
                    .orElseThrow();
            Instant begin = Instant.now();
            process.awaitReady(
                    service.url() + "/q/health/ready",
                    r -> r.statusCode() == 200 && r.body().contains("\"UP\""),
                    Duration.ofSeconds(180));
            startTimes.put(service.module(), Duration.between(begin, Instant.now()));
        }
        if (config.startsWeb()) {
            timed("web", this::startWeb);
        }
        return this;
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private void timed(String name, Step step) throws IOException, InterruptedException {
        Instant begin = Instant.now();
        step.run();
        startTimes.put(name, Duration.between(begin, Instant.now()));
    }

    private void startPostgres() throws IOException {
        Path dir = config.dataDir().resolve("postgres");
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.resolve("work").toFile())
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setPort(config.postgresPort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false) // stopped by close(), after the services
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile("postgres.log")))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile("postgres.log")));
        if (config.durable()) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        postgres = builder.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            for (StackConfig.Service service : config.services()) {
                // a migration role that owns the schema and a runtime role the service runs with
                DatabaseRoles.provision(c, service.database(), db -> postgres.getDatabase("postgres", db)
                        .getConnection());
            }
            // local-development credentials: keycloak / keycloak-local-dev, owner of its database
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = 'keycloak'")) {
                if (!rs.next()) {
                    s.execute("create role keycloak login password 'keycloak-local-dev'");
                }
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = 'keycloak'")) {
                if (!rs.next()) {
                    s.execute("create database keycloak owner keycloak");
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot prepare the databases", e);
        }
    }

    private java.io.File logFile(String name) throws IOException {
        Path logs = config.dataDir().resolve("logs");
        Files.createDirectories(logs);
        return logs.resolve(name).toFile();
    }

    private void startKafka() throws IOException {
        Path dir = config.dataDir().resolve("kafka");
        Files.createDirectories(dir);
        Path idFile = config.dataDir().resolve("kafka-cluster-id");
        if (!Files.exists(idFile)) {
            Files.writeString(idFile, kafkaClusterId());
        }
        String clusterId = Files.readString(idFile).strip();
        kafka = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(config.kafkaPort())
                .withControllerPort(config.kafkaControllerPort())
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", dir.toString());
                    p.put("num.partitions", "3");
                    p.put("auto.create.topics.enable", "true");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "3");
                })
                .start();
        KafkaTopics.create(config.kafkaBootstrap());
    }

    /**
     * The outside world of notification-service, local: an SMTP server and an SMS gateway that write what they receive
     * under {@link StackConfig#sinksDir()} instead of mailing or texting anyone.
     */
    private void startSinks() throws IOException {
        mailSink = new MailSink(config.smtpPort(), config.sinksDir().resolve("mail"));
        String keyId = System.getenv().getOrDefault("SMS_ACCESS_KEY_ID", SmsSink.LOCAL_KEY_ID);
        String secret = System.getenv().getOrDefault("SMS_ACCESS_KEY_SECRET", SmsSink.LOCAL_KEY_SECRET);
        smsSink = new SmsSink(config.smsPort(), config.sinksDir().resolve("sms.log"), keyId, secret);
    }

    /** The SMTP sink (null before start). */
    public MailSink mailSink() {
        return mailSink;
    }

    /** The SMS gateway sink (null before start). */
    public SmsSink smsSink() {
        return smsSink;
    }

    /** A Kafka cluster id: 16 random bytes in URL-safe base64 without padding. */
    private static String kafkaClusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private void startKeycloak() throws IOException, InterruptedException {
        Path home = config.keycloakHome();
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(
                config.repoRoot().resolve("deploy/keycloak/openysb-realm.json"),
                importDir.resolve("openysb-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        // local-development bootstrap admin of the master realm; never used outside this machine
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-local-dev");
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + config.keycloakPort(),
                "--http-management-port=" + config.keycloakManagementPort(),
                "--hostname-strict=false",
                "--health-enabled=true",
                "--db=postgres",
                "--db-url=jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/keycloak",
                "--db-username=keycloak",
                "--db-password=keycloak-local-dev",
                "--log-level=WARN,org.keycloak.services:INFO,org.keycloak.exportimport:INFO");
        ManagedProcess keycloak = ManagedProcess.start(
                "keycloak", command, env, home, config.dataDir().resolve("logs/keycloak.log"));
        processes.add(keycloak);
        keycloak.awaitReady(
                config.issuer() + "/.well-known/openid-configuration",
                r -> r.statusCode() == 200,
                Duration.ofSeconds(300));
        int added = RealmSync.addMissing(
                config.keycloakUrl(),
                config.repoRoot().resolve("deploy/keycloak/openysb-realm.json"),
                "admin",
                "admin-local-dev");
        if (added > 0) {
            System.out.printf(
                    "keycloak: added %d users, groups or roles of the realm file to the existing realm%n", added);
        }
    }

    /**
     * A random 32-byte key (base64) made at the first start and kept under the data directory (owner-only), so that
     * data encrypted at rest stays readable across restarts; deleting the data directory deletes it with the data.
     */
    private String localKey(String name) throws IOException {
        Path file = config.dataDir().resolve("secrets").resolve(name);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
        }
        return Files.readString(file).trim();
    }

    private ManagedProcess startService(StackConfig.Service service) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put(service.portVariable(), String.valueOf(service.port()));
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/" + service.database());
        String runtime = DatabaseRoles.runtimeRole(service.database());
        String migration = DatabaseRoles.migrationRole(service.database());
        env.put("DB_USER", runtime);
        env.put("DB_PASSWORD", DatabaseRoles.localPassword(runtime));
        env.put("DB_MIGRATION_USER", migration);
        env.put("DB_MIGRATION_PASSWORD", DatabaseRoles.localPassword(migration));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        env.put("OIDC_AUTH_SERVER_URL", config.issuer());
        if ("complaint-intake".equals(service.module()) && System.getenv("INTAKE_CRYPTO_KEY") == null) {
            env.put("INTAKE_CRYPTO_KEY", localKey("intake-crypto.key"));
        }
        env.putAll(TrailSigningKeys.environment(config.dataDir(), service.module()));
        if ("supervision-service".equals(service.module())) {
            env.put("TRAIL_WITNESS_URL", "http://127.0.0.1:" + config.routingPort());
        }
        if ("notification-service".equals(service.module())) {
            // the sinks of this stack, and the other services where this stack runs them
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(mailSink.port()));
            env.put("SMS_ENDPOINT", smsSink.endpoint());
            env.put("INTAKE_URL", "http://127.0.0.1:" + config.intakePort());
            // the links in SMS and email open the portal's pages
            env.put("PORTAL_URL", config.web().url());
        }
        // glibc's malloc keeps up to 8 arenas per core for a JVM's many threads; two keep the stack's resident memory
        // down
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        env.putAll(extraEnvironment.getOrDefault(service.module(), Map.of()));
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(StackConfig.jvmOptions(service.database()));
        command.addAll(
                List.of("-Duser.timezone=Asia/Shanghai", "-jar", jar(service).toString()));
        return ManagedProcess.start(
                service.module(),
                command,
                env,
                config.repoRoot().resolve(service.module()),
                config.dataDir().resolve("logs/" + service.module() + ".log"));
    }

    /** The web module: after the services, so that its first page already reaches them. */
    private void startWeb() throws IOException, InterruptedException {
        StackConfig.Service web = config.web();
        Map<String, String> env = new HashMap<>();
        env.put("WEB_PORT", String.valueOf(web.port()));
        env.put("INTAKE_API_URL", "http://127.0.0.1:" + config.intakePort() + "/api");
        env.put("ROUTING_API_URL", "http://127.0.0.1:" + config.routingPort() + "/api/routing");
        env.put("SUPERVISION_API_URL", "http://127.0.0.1:" + config.supervisionPort() + "/api");
        env.put("NOTIFICATION_API_URL", "http://127.0.0.1:" + config.notificationPort() + "/api");
        env.put("KEYCLOAK_URL", config.keycloakUrl());
        env.putAll(extraEnvironment.getOrDefault(web.module(), Map.of()));
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(StackConfig.jvmOptions("web"));
        command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-jar", jar(web).toString()));
        ManagedProcess process = ManagedProcess.start(
                web.module(),
                command,
                env,
                config.repoRoot().resolve(web.module()),
                config.dataDir().resolve("logs/web.log"));
        processes.add(process);
        process.awaitReady(
                web.url() + "/q/health/ready",
                r -> r.statusCode() == 200 && r.body().contains("\"UP\""),
                Duration.ofSeconds(120));
    }

    private Path jar(StackConfig.Service service) {
        return config.repoRoot().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void check(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing " + what + ": " + path);
        }
    }

    /**
     * Resident memory of this JVM (which hosts Kafka) and every process it started (PostgreSQL and its backends,
     * Keycloak, the services), in MiB. Shared pages of the PostgreSQL backends are counted in each: an upper bound.
     */
    public long residentMemoryMiB() {
        return rssKib(ProcessHandle.current()) / 1024;
    }

    private static long rssKib(ProcessHandle handle) {
        long total = readRss(handle.pid());
        for (ProcessHandle child : handle.descendants().toList()) {
            total += readRss(child.pid());
        }
        return total;
    }

    private static long readRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return 0;
    }

    /** Stops the services, then Keycloak, Kafka and PostgreSQL. */
    @Override
    public void close() {
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        reversed.parallelStream().filter(p -> !p.name().equals("keycloak")).forEach(ManagedProcess::close);
        reversed.stream().filter(p -> p.name().equals("keycloak")).forEach(ManagedProcess::close);
        processes.clear();
        if (mailSink != null) {
            mailSink.close();
            mailSink = null;
        }
        if (smsSink != null) {
            smsSink.close();
            smsSink = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        LocalStack stack = new LocalStack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping the local stack …");
                            stack.close();
                            System.out.println("Stopped. Data kept in " + config.dataDir());
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        Instant begin = Instant.now();
        System.out.println("Starting PostgreSQL, Kafka, Keycloak and the four services; data in " + config.dataDir());
        try {
            stack.start();
        } catch (RuntimeException | IOException e) {
            System.err.println("Start failed: " + e.getMessage());
            System.exit(1);
        }
        Duration took = Duration.between(begin, Instant.now());
        System.out.println(Banner.text(config, took, stack.residentMemoryMiB(), stack.startTimes(), stack));
        stopped.await();
    }
}
