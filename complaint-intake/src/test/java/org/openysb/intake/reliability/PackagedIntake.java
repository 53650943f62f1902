package org.openysb.intake.reliability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.intake.VerificationTokens;
import org.openysb.localstack.DatabaseRoles;
import org.openysb.localstack.KafkaTopics;
import org.openysb.testsupport.Infrastructure;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a separate process, on its own durable
 * PostgreSQL (fsync, synchronous_commit and full_page_writes on) and a KRaft broker that can be stopped and started
 * again on the same ports and log directory. For the reliability ITs and the benchmark; everything on 127.0.0.1.
 */
final class PackagedIntake implements AutoCloseable {
    private final Path dir;
    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;
    private final int kafkaPort = Infrastructure.freePort();
    private final int controllerPort = Infrastructure.freePort();
    private final String clusterId;
    private final String cryptoKey;
    private EmbeddedKafkaBroker kafka;
    private Process process;
    private int port;
    private int starts;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // one connection per client, as browsers and call-centre systems do
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    PackagedIntake(String name) throws IOException {
        dir = Path.of("target", name).toAbsolutePath();
        Path kafkaDir = dir.resolve("kafka");
        if (Files.exists(kafkaDir)) { // a broker of an earlier run, with another cluster id
            try (var files = Files.walk(kafkaDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Boolean.getBoolean("bench.pgStatements")) {
            // the benchmark's view of where PostgreSQL's time goes (topStatements)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        // e.g. BENCH_PG=autovacuum_vacuum_cost_delay=10ms to try a server setting in the benchmark
        for (String kv : System.getProperty("bench.pg", "").split(",")) {
            if (kv.contains("=")) {
                builder.setServerConfig(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        postgres = builder.setOverrideWorkingDirectory(dir.resolve("pg-work").toFile())
                .setDataDirectory(dir.resolve("pg-data"))
                .setCleanDataDirectory(true)
                .setPort(Infrastructure.freePort())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            // the service runs as its runtime role and migrates as the migration role, as deployed
            DatabaseRoles.provision(
                    c, "intake", db -> postgres.getDatabase("postgres", db).getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // no user in the URL: the JDBC driver would let it override the service's own credentials
        jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/intake";
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        cryptoKey = Base64.getEncoder().encodeToString(key);
        startKafka();
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    DataSource database() {
        return postgres.getDatabase("postgres", "intake");
    }

    /** The same PostgreSQL server, another database (for the baseline, which must not touch intake's schema). */
    DataSource baselineDatabase() {
        return postgres.getPostgresDatabase();
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The port of the PostgreSQL server (for pgbench). */
    int postgresPort() {
        return postgres.getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts (or restarts) the broker on the same ports and log directory: what it held before is still there. */
    synchronized void startKafka() {
        kafka = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", dir.resolve("kafka").toString());
                    p.put("num.partitions", "3");
                    p.put("auto.create.topics.enable", "true");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "3");
                })
                .start();
        KafkaTopics.create(bootstrap());
    }

    synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Starts the packaged service and waits until it is ready. */
    void start(Map<String, String> extraEnv, String... jvmOptions) throws Exception {
        port = Infrastructure.freePort();
        Path log = dir.resolve("intake-" + (++starts) + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-jar");
        command.add(new File("target/quarkus-app/quarkus-run.jar").getAbsolutePath());
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("INTAKE_PORT", String.valueOf(port));
        env.put("DB_URL", jdbcUrl);
        env.put("DB_USER", DatabaseRoles.runtimeRole("intake"));
        env.put("DB_PASSWORD", DatabaseRoles.localPassword(DatabaseRoles.runtimeRole("intake")));
        env.put("DB_MIGRATION_USER", DatabaseRoles.migrationRole("intake"));
        env.put("DB_MIGRATION_PASSWORD", DatabaseRoles.localPassword(DatabaseRoles.migrationRole("intake")));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        env.put("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:1/realms/openysb");
        env.put("INTAKE_CRYPTO_KEY", cryptoKey);
        // web complaints carry mobile verification tokens made with the test secret (webComplaint)
        env.put("MOBILE_VERIFICATION_SECRET", VerificationTokens.MOBILE_SECRET);
        env.putAll(extraEnv);
        process = pb.start();
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("intake exited while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/live"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("intake not ready:\n" + Files.readString(log));
    }

    /** kill -9: no shutdown hook, no flush, no graceful close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** Resident set size of the service process in KiB (VmRSS), or -1. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time used so far, in milliseconds, by the service process, by PostgreSQL (the postmaster and every process
     * it started) and by this JVM (the load driver and the broker): where the two shared cores went.
     */
    record Cpu(long serviceMs, long postgresMs, long driverAndBrokerMs, long serviceJitMs, long serviceGcMs) {
        Cpu minus(Cpu before) {
            return new Cpu(
                    serviceMs - before.serviceMs,
                    postgresMs - before.postgresMs,
                    driverAndBrokerMs - before.driverAndBrokerMs,
                    serviceJitMs - before.serviceJitMs,
                    serviceGcMs - before.serviceGcMs);
        }

        long totalMs() {
            return serviceMs + postgresMs + driverAndBrokerMs;
        }
    }

    Cpu cpu() throws IOException {
        long postmaster =
                Long.parseLong(Files.readAllLines(dir.resolve("pg-data").resolve("postmaster.pid"))
                        .get(0)
                        .strip());
        long postgresTicks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(Long.parseLong(name));
                if (stat != null && (stat[0] == postmaster || stat[1] == postmaster)) {
                    postgresTicks += stat[2];
                }
            }
        }
        long[] service = stat(process.pid());
        long self = ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
        long jitTicks = 0;
        long gcTicks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    continue;
                }
                long[] stat = stat(task);
                if (stat == null) {
                    continue;
                }
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    jitTicks += stat[2];
                } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                    gcTicks += stat[2];
                }
            }
        } catch (IOException gone) {
            // the service has exited
        }
        return new Cpu(service == null ? 0 : service[2] * 10, postgresTicks * 10, self, jitTicks * 10, gcTicks * 10);
    }

    /** pid, parent pid and user + system CPU in clock ticks (1/100 s) of a process, or null when it is gone. */
    private static long[] stat(long pid) {
        return stat(Path.of("/proc", String.valueOf(pid)));
    }

    private static long[] stat(Path proc) {
        try {
            long pid = Long.parseLong(proc.getFileName().toString());
            String line = Files.readString(proc.resolve("stat"));
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12)
            return new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /**
     * A web complaint with a realistic text: three to five sentences drawn at random from the project's labelled
     * complaints (so that texts differ the way real complaints do, and only rarely look like repeats of each other),
     * each with its own mobile and that mobile's verification token (an HMAC, a few microseconds in the driver).
     */
    static String webComplaint(String tag) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String mobile = "15" + String.format("%09d", r.nextInt(1_000_000_000));
        String district = "D0" + (1 + r.nextInt(3));
        List<String> sentences = Sentences.ALL;
        StringBuilder content = new StringBuilder();
        for (int i = 0, n = 3 + r.nextInt(3); i < n; i++) {
            content.append(sentences.get(r.nextInt(sentences.size()))).append('。');
        }
        return "{\"type\":\"COMPLAINT\",\"title\":\"诉求 " + tag + "\",\"content\":\"" + content
                + "\",\"district\":\"" + district + "\",\"complainant\":{\"kind\":\"PERSON\",\"name\":\"测试"
                + r.nextInt(1000) + "\",\"mobile\":\"" + mobile + "\"},\"mobileVerification\":\""
                + VerificationTokens.mobile(mobile) + "\"}";
    }

    /** The sentences of the labelled complaints in reference-data (loaded once). */
    private static final class Sentences {
        static final List<String> ALL = load();

        private static List<String> load() {
            List<String> out = new java.util.ArrayList<>();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String file : List.of("sample-complaints.jsonl", "training-complaints.jsonl")) {
                try {
                    for (String line : java.nio.file.Files.readAllLines(
                            java.nio.file.Path.of("..", "reference-data", file),
                            java.nio.charset.StandardCharsets.UTF_8)) {
                        if (line.isBlank()) {
                            continue;
                        }
                        for (String sentence :
                                json.readTree(line).path("text").asText().split("[。！？；]")) {
                            String clean =
                                    sentence.replace("\"", "").replace("\\", "").strip();
                            if (clean.length() >= 6) {
                                out.add(clean);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return List.copyOf(out);
        }
    }

    /** The answer to one submission: the HTTP status (-1 when the connection failed) and the case number on 201. */
    record Submission(int status, String caseNumber, long nanos) {}

    /** The service's HTTP port. */
    int port() {
        return port;
    }

    /**
     * Files a web complaint over this thread's own keep-alive HTTP/1.1 connection (a plain socket: the load driver
     * shares the two cores with the service, so it should cost as little as wrk would). A failed request is not
     * repeated (it may have been stored); the next one opens a new connection.
     */
    Submission submit(String body) {
        long started = System.nanoTime();
        try {
            RawHttp connection = connections.get();
            if (connection == null || connection.port != port) {
                connection = new RawHttp(port);
                connections.set(connection);
            }
            try {
                RawHttp.Answer r = connection.post("/api/complaints", body);
                String caseNumber = null;
                if (r.status() == 201) {
                    int at = r.body().indexOf("\"caseNumber\":\"");
                    caseNumber = r.body().substring(at + 14, r.body().indexOf('"', at + 14));
                }
                return new Submission(r.status(), caseNumber, System.nanoTime() - started);
            } catch (IOException e) {
                connection.close();
                connections.remove();
                return new Submission(-1, null, System.nanoTime() - started);
            }
        } catch (IOException e) {
            return new Submission(-1, null, System.nanoTime() - started);
        }
    }

    private final ThreadLocal<RawHttp> connections = new ThreadLocal<>();

    /** A minimal HTTP/1.1 client on one keep-alive connection: POST of JSON, Content-Length framed answers. */
    static final class RawHttp {
        record Answer(int status, String body) {}

        final int port;
        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;

        RawHttp(int port) throws IOException {
            this.port = port;
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
        }

        Answer post(String path, String json) throws IOException {
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP answer: " + status);
            }
            int length = -1;
            boolean close = false;
            String header;
            while ((header = line()) != null && !header.isEmpty()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new IOException("answer without Content-Length");
            }
            byte[] answer = in.readNBytes(length);
            if (answer.length < length) {
                throw new IOException("answer cut short");
            }
            if (close) {
                close();
            }
            return new Answer(
                    Integer.parseInt(status.substring(9, 12)),
                    new String(answer, java.nio.charset.StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.isEmpty() ? null : b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Case numbers stored in PostgreSQL. */
    Set<String> storedCaseNumbers() throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection c = database().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select case_number from complaint")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /** The statements that took PostgreSQL the most time (needs -Dbench.pgStatements=true), one line each. */
    /** Starts pg_stat_statements' counts afresh (after the warm-up: the levels' statements only). */
    void resetStatements() throws SQLException {
        try (Connection c = database().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    List<String> topStatements(int limit) throws SQLException {
        List<String> lines = new java.util.ArrayList<>();
        try (Connection c = database().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            try (ResultSet rs = s.executeQuery("select calls, total_exec_time, mean_exec_time, rows,"
                    + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements"
                    + " order by total_exec_time desc limit " + limit)) {
                while (rs.next()) {
                    lines.add(String.format(
                            "%,9d calls %,9.0f ms total %7.3f ms mean %,9d rows  %s",
                            rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        return lines;
    }

    /** The lines of the service's Prometheus metrics that start with {@code prefix}. */
    List<String> metrics(String prefix) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines().filter(line -> line.startsWith(prefix)).toList();
    }

    /** VACUUM (ANALYZE) of intake's database, as autovacuum would do it sooner or later; returns the seconds it took. */
    double vacuumAnalyze() throws SQLException {
        long start = System.nanoTime();
        try (Connection c = database().getConnection();
                Statement s = c.createStatement()) {
            s.execute("vacuum (analyze)");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Autovacuum and autoanalyze runs on intake's tables so far (they take PostgreSQL's CPU in bursts). */
    long[] autovacuums() throws SQLException {
        try (Connection c = database().getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select coalesce(sum(autovacuum_count), 0), coalesce(sum(autoanalyze_count), 0),"
                                + " (select num_timed + num_requested from pg_stat_checkpointer)"
                                + " from pg_stat_user_tables")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** Autovacuum and autoanalyze runs so far by table, e.g. {@code complaint 3/4}, the busiest first. */
    List<String> autovacuumsByTable() throws SQLException {
        List<String> lines = new java.util.ArrayList<>();
        try (Connection c = database().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select relname, autovacuum_count, autoanalyze_count, n_live_tup,"
                        + " n_dead_tup from pg_stat_user_tables where autovacuum_count + autoanalyze_count > 0"
                        + " order by autovacuum_count + autoanalyze_count desc")) {
            while (rs.next()) {
                lines.add(String.format(
                        "%s: %d autovacuum, %d autoanalyze runs (%,d live rows, %,d dead)",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return lines;
    }

    long unpublished() throws SQLException {
        try (Connection c = database().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Everything on ysb.complaints: for each case number, the ids of the ComplaintSubmitted records found. */
    Map<String, List<String>> complaintsTopic(Set<String> expected, Duration timeout) {
        Map<String, List<String>> byCase = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("ysb.complaints").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant end = Instant.now().plus(timeout);
            Instant quietSince = Instant.now();
            while (Instant.now().isBefore(end)) {
                boolean any = false;
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    CloudEvent event = EventJson.read(record.value());
                    byCase.computeIfAbsent(event.subject(), k -> new ArrayList<>())
                            .add(event.id());
                    any = true;
                }
                if (any) {
                    quietSince = Instant.now();
                } else if (byCase.keySet().containsAll(expected)
                        && Duration.between(quietSince, Instant.now()).toMillis() > 2000) {
                    break;
                }
            }
        }
        return byCase;
    }

    @Override
    public void close() throws Exception {
        stop();
        stopKafka();
        postgres.close();
    }
}
