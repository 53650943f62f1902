package org.openysb.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The processes of one running local stack, found from its launcher's pid ({@code deploy/run-local.sh} execs the
 * launcher JVM, which hosts Kafka and the sinks and starts everything else): CPU time and resident memory per part from
 * {@code /proc}, and stopping one service and starting it again with the same command line, environment, working
 * directory and log (the launcher has no control for that; the restarted process is this JVM's child and is stopped with
 * it).
 */
final class StackProcesses implements AutoCloseable {
    /** The parts measured, in print order. */
    static final List<String> PARTS = List.of(
            "complaint-intake",
            "case-routing",
            "supervision-service",
            "notification-service",
            "web",
            "keycloak",
            "postgresql",
            "launcher+kafka");

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final long launcherPid;
    private final Path dataDir;
    private final List<Process> restarted = new ArrayList<>();

    /** {@code dataDir}: the stack's data directory (PostgreSQL's postmaster.pid is under it: pg_ctl detaches it). */
    StackProcesses(long launcherPid, Path dataDir) {
        this.launcherPid = launcherPid;
        this.dataDir = dataDir;
        if (ProcessHandle.of(launcherPid).isEmpty()) {
            throw new IllegalStateException("no local stack launcher with pid " + launcherPid);
        }
    }

    /** The pids of each part now (PostgreSQL: the postmaster; Keycloak: kc.sh, whose child is its JVM). */
    Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("launcher+kafka", launcherPid);
        List<ProcessHandle> candidates = new ArrayList<>();
        ProcessHandle.of(launcherPid)
                .ifPresent(h -> candidates.addAll(h.children().toList()));
        ProcessHandle.current().children().forEach(candidates::add); // services this benchmark restarted
        for (ProcessHandle child : candidates) {
            String cmd = cmdline(child.pid());
            String comm =
                    read(Path.of("/proc", String.valueOf(child.pid()), "comm")).strip();
            if (comm.equals("postgres")) {
                out.put("postgresql", child.pid());
            } else if (cmd.contains("kc.sh") || cmd.contains("keycloak")) {
                out.put("keycloak", child.pid());
            } else {
                for (String part : PARTS) {
                    if (cmd.contains("/" + part + "/target/quarkus-app/quarkus-run.jar")) {
                        out.put(part, child.pid());
                    }
                }
            }
        }
        String postmaster = read(dataDir.resolve("postgres/data/postmaster.pid"))
                .split("\n")[0]
                .strip();
        if (!out.containsKey("postgresql") && postmaster.matches("\\d+")) {
            out.put("postgresql", Long.parseLong(postmaster));
        }
        return out;
    }

    /**
     * CPU seconds used so far by each part: user + system of the process and its live descendants, plus what its
     * finished children used (PostgreSQL's backends come and go; the launcher's own children are counted apart).
     */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new TreeMap<>();
        pids().forEach((part, pid) -> {
            long ticks = ticks(pid, !part.equals("launcher+kafka"));
            if (!part.equals("launcher+kafka")) {
                for (ProcessHandle d :
                        ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
                    ticks += ticks(d.pid(), false);
                }
            }
            out.put(part, ticks / (double) TICKS_PER_SECOND);
        });
        return out;
    }

    /**
     * Resident memory per part in MiB: VmRSS of each JVM (Keycloak's included), and for PostgreSQL the proportional set
     * size of the postmaster and all its backends (their shared buffers counted once).
     */
    Map<String, Long> residentMiB() {
        Map<String, Long> out = new LinkedHashMap<>();
        pids().forEach((part, pid) -> {
            long kib;
            if (part.equals("postgresql")) {
                kib = field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
                for (ProcessHandle d :
                        ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
                    kib += field(Path.of("/proc", String.valueOf(d.pid()), "smaps_rollup"), "Pss:");
                }
            } else {
                kib = field(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
                // kc.sh and its JVM; the launcher's descendants are the other parts
                for (ProcessHandle d : part.equals("keycloak")
                        ? ProcessHandle.of(pid)
                                .map(h -> h.descendants().toList())
                                .orElse(List.of())
                        : List.<ProcessHandle>of()) {
                    kib += field(Path.of("/proc", String.valueOf(d.pid()), "status"), "VmRSS:");
                }
            }
            out.put(part, kib / 1024);
        });
        return out;
    }

    /** A service as it runs now: its command line, environment, working directory and HTTP port. */
    record Launch(List<String> command, Map<String, String> environment, Path directory, int port) {}

    /** Stops a service (SIGTERM, as the launcher does; SIGKILL after 30 s) and answers how to start it again. */
    Launch stop(String module, String portVariable) throws InterruptedException, IOException {
        long pid = Optional.ofNullable(pids().get(module))
                .orElseThrow(() -> new IllegalStateException(module + " is not running"));
        List<String> command = Arrays.asList(cmdline(pid).split("\0"));
        Map<String, String> env = new TreeMap<>();
        for (String entry :
                read(Path.of("/proc", String.valueOf(pid), "environ")).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        Path dir = Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().join();
        }
        return new Launch(command, env, dir, Integer.parseInt(env.get(portVariable)));
    }

    /** Starts a stopped service again, its output appended to {@code log}, and returns once it is ready. */
    void start(Launch launch, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        Process process = builder.start();
        restarted.add(process);
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end && process.isAlive()) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launch.port() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("restarted service not ready, see " + log);
    }

    /** Stops what this benchmark restarted (the launcher stops the rest). */
    @Override
    public void close() {
        for (Process p : restarted) {
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        restarted.clear();
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks;
    }

    private static long field(Path file, String name) {
        for (String line : read(file).split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static String cmdline(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "cmdline"));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
