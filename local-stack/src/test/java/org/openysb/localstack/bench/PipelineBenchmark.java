package org.openysb.localstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on a running local stack (started by bench/run-pipeline.sh with deploy/run-local.sh): web
 * complaints sent open loop at rising fixed rates, each followed through the topics and the SMS gateway. Run as a
 * plain {@code main} (not by Maven) while the stack runs; settings are system properties (see the script). Mode
 * {@code intake} measures HTTP only (the baseline stack runs complaint-intake alone) and writes its result for the
 * {@code pipeline} mode, which prints the headline and then the drain measure and the zero-loss check.
 */
public final class PipelineBenchmark {
    private final String mode = System.getProperty("bench.mode", "pipeline");
    private final int[] rates = Arrays.stream(
                    System.getProperty("bench.rates", "50,100,200,300,500").split(","))
            .map(String::strip)
            .mapToInt(Integer::parseInt)
            .toArray();
    private final int rateSeconds = Integer.getInteger("bench.rateSeconds", 30);
    private final long maxWaitMillis = TimeUnit.SECONDS.toMillis(Integer.getInteger("bench.maxWait", 120));
    private final Path dataDir = Path.of(System.getProperty("bench.dataDir"));
    private final Path results = Path.of(System.getProperty("bench.results"));
    private final int intakePort = Integer.getInteger("bench.intakePort", 8081);
    private final StackProcesses processes;
    private final Complaints complaints;
    private final PipelineEvents events;
    private final Receipts receipts;
    private final List<Sent> allSent = new ArrayList<>();
    private long next;

    /** A complaint answered 201: its case number, when it was due (epoch ms) and whether it left an email. */
    record Sent(String caseNumber, long dueMillis, boolean email) {}

    /** One rate's outcome, for the headline. */
    record RateResult(int rate, double achieved, long httpP99Micros, long openedP99Millis, boolean complete) {}

    private PipelineBenchmark() {
        processes = new StackProcesses(Long.getLong("bench.launcherPid"), dataDir);
        complaints =
                new Complaints(Path.of(System.getProperty("bench.repoRoot", "."), "reference-data"), System.nanoTime());
        events = new PipelineEvents(System.getProperty("bench.kafka", "127.0.0.1:9092"));
        receipts = new Receipts(dataDir.resolve("sinks"));
    }

    public static void main(String[] args) throws Exception {
        PipelineBenchmark bench = new PipelineBenchmark();
        Runtime.getRuntime().addShutdownHook(new Thread(bench.processes::close, "bench-stop-restarted"));
        try {
            bench.run();
        } finally {
            bench.processes.close();
            bench.events.close();
            bench.receipts.close();
        }
        System.exit(0);
    }

    private boolean pipeline() {
        return mode.equals("pipeline");
    }

    private void run() throws Exception {
        String label = pipeline() ? "pipeline" : "intake alone";
        System.out.printf(
                "BENCH %s: %d labelled texts, rates %s/s for %d s each, open loop, latency from each request's due time%n",
                label, complaints.texts(), Arrays.toString(rates), rateSeconds);
        int warmup = Integer.getInteger("bench.warmupSeconds", 30);
        if (warmup > 0) {
            // the services' JIT compilers and connection pools warm up on the first complaints: not measured
            int warmRate = Integer.getInteger("bench.warmupRate", 50);
            Sending w = send(warmRate, warmup);
            boolean caughtUp = awaitComplete(w.sent(), maxWaitMillis);
            System.out.printf(
                    Locale.ROOT,
                    "BENCH %s warm-up: %d complaints at %d/s (%d accepted), HTTP p99 %.1f ms, %s%n",
                    label,
                    (long) warmRate * warmup,
                    warmRate,
                    w.sent().size(),
                    w.http().percentile(99) / 1000.0,
                    caughtUp ? "caught up" : "NOT caught up within " + maxWaitMillis / 1000 + " s");
        }
        List<RateResult> outcomes = new ArrayList<>();
        for (int rate : rates) {
            RateResult r = rate(label, rate, rateSeconds);
            outcomes.add(r);
            if (pipeline() && !r.complete()) {
                System.out.printf(
                        "BENCH %s: the pipeline did not catch up within %d s after %d/s: higher rates skipped%n",
                        label, maxWaitMillis / 1000, rate);
                break;
            }
        }
        if (!pipeline()) {
            StringJoiner lines = new StringJoiner("\n");
            outcomes.forEach(o -> lines.add(o.rate() + " " + o.achieved() + " " + o.httpP99Micros()));
            Files.writeString(results, lines + "\n");
            return;
        }
        headline(outcomes);
        if (Boolean.parseBoolean(System.getProperty("bench.drain", "true"))) {
            awaitComplete(List.copyOf(allSent), TimeUnit.SECONDS.toMillis(300));
            new DrainMeasure(this, events, processes, dataDir)
                    .run(Integer.getInteger("bench.drainRate", 100), Integer.getInteger("bench.drainStopSeconds", 60));
        }
        awaitComplete(List.copyOf(allSent), TimeUnit.SECONDS.toMillis(300));
        new ZeroLoss(events, receipts).check(List.copyOf(allSent));
    }

    /** Sends {@code rate}/s for {@code seconds} and prints what became of those complaints. */
    RateResult rate(String label, int rate, int seconds) throws Exception {
        double[] machine0 = Machine.busy();
        Map<String, Double> cpu0 = processes.cpuSeconds();
        Sending out = send(rate, seconds);
        List<Sent> sent = out.sent();
        Latencies http = out.http();
        double took = out.took();
        Map<String, Long> lagAtEnd = events.lag();
        String head = String.format(Locale.ROOT, "BENCH %s rate=%d/s", label, rate);
        System.out.printf(
                Locale.ROOT,
                "%s: %d sent in %.1f s (%.0f/s), %d accepted (201), %d failed %s; HTTP p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                head,
                (long) rate * seconds,
                took,
                sent.size() / took,
                sent.size(),
                out.failed(),
                out.statuses().isEmpty() ? "" : out.statuses().toString(),
                http.percentile(50) / 1000.0,
                http.percentile(99) / 1000.0,
                http.max() / 1000.0);
        long waitStart = System.currentTimeMillis();
        boolean complete = awaitComplete(sent, maxWaitMillis);
        long waited = System.currentTimeMillis() - waitStart;
        Map<String, Double> cpu1 = processes.cpuSeconds();
        double[] machine1 = Machine.busy();
        long openedP99 = -1;
        if (pipeline()) {
            openedP99 = stages(head, sent, waitStart + waited);
            System.out.printf(
                    "%s: %s %.1f s after the last request%n",
                    head, complete ? "every case routed, opened and receipted" : "NOT caught up", waited / 1000.0);
        }
        StringJoiner lag = new StringJoiner(", ");
        lagAtEnd.forEach((group, n) -> lag.add(group + "=" + n));
        System.out.printf(
                "%s: consumer lag when sending stopped: %s%n", head, lagAtEnd.isEmpty() ? "(no consumer groups)" : lag);
        cpu(head, sent.size(), cpu0, cpu1, machine0, machine1);
        StringJoiner rss = new StringJoiner(", ");
        long total = 0;
        for (Map.Entry<String, Long> e : processes.residentMiB().entrySet()) {
            rss.add(e.getKey() + " " + e.getValue());
            total += e.getValue();
        }
        System.out.printf("%s: resident MiB %s; whole stack %d MiB%n", head, rss, total);
        return new RateResult(rate, sent.size() / took, http.percentile(99), openedP99, complete);
    }

    /** What one open loop sent: the complaints answered 201, HTTP latencies (µs), failures by status, seconds taken. */
    record Sending(List<Sent> sent, Latencies http, int failed, Map<Integer, Integer> statuses, double took) {}

    /** Sends {@code rate} web complaints a second for {@code seconds}, open loop (the next complaints of the run). */
    Sending send(int rate, int seconds) throws java.io.IOException {
        Latencies http = new Latencies();
        List<Sent> sent = new ArrayList<>();
        int[] failed = {0};
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        long offset;
        synchronized (this) {
            offset = next;
            next += (long) rate * seconds;
        }
        long wallAnchor = System.currentTimeMillis();
        long nanoAnchor = System.nanoTime();
        double took = new OpenLoop(intakePort, 128)
                .run(
                        "/api/complaints",
                        rate,
                        seconds,
                        i -> complaints.body(offset + i),
                        (i, status, body, due, nanos) -> {
                            http.add(TimeUnit.NANOSECONDS.toMicros(nanos));
                            if (status == 201) {
                                int at = body.indexOf("\"caseNumber\":\"");
                                String caseNumber = body.substring(at + 14, body.indexOf('"', at + 14));
                                long dueMillis = wallAnchor + TimeUnit.NANOSECONDS.toMillis(due - nanoAnchor);
                                sent.add(new Sent(caseNumber, dueMillis, Complaints.hasEmail(offset + i)));
                            } else {
                                failed[0]++;
                                statuses.merge(status, 1, Integer::sum);
                            }
                        });
        synchronized (allSent) {
            allSent.addAll(sent);
        }
        return new Sending(sent, http, failed[0], statuses, took);
    }

    /** Prints submission → CaseRouted, → WorkItemOpened, → SMS receipt; answers WorkItemOpened's p99 (ms, -1: missing). */
    long stages(String head, List<Sent> sent, long waitedUntil) {
        Latencies routed = new Latencies();
        Latencies opened = new Latencies();
        Latencies sms = new Latencies();
        int manual = 0;
        for (Sent s : sent) {
            PipelineEvents.CaseEvents c = events.of(s.caseNumber());
            long routedAt = 0;
            long openedAt = 0;
            long manualAt = 0;
            if (c != null) {
                synchronized (c) {
                    routedAt = c.routedAt;
                    openedAt = c.openedAt;
                    manualAt = c.manualAt;
                }
            }
            if (manualAt != 0 && routedAt == 0) {
                manual++;
            } else {
                add(routed, routedAt, s);
                add(opened, openedAt, s);
            }
            List<Long> smsAt = receipts.sms(s.caseNumber());
            add(sms, smsAt.isEmpty() ? 0 : smsAt.get(0), s);
        }
        long waited =
                waitedUntil - sent.stream().mapToLong(Sent::dueMillis).max().orElse(waitedUntil);
        System.out.printf(
                "%s: p50 / p99 / max from submission to CaseRouted %s; to WorkItemOpened %s; to the receipt SMS at the"
                        + " gateway %s (%d routed, %d to manual dispatch)%n",
                head, routed.seconds(waited), opened.seconds(waited), sms.seconds(waited), routed.count(), manual);
        return opened.percentile(99);
    }

    private static void add(Latencies l, long at, Sent s) {
        if (at == 0) {
            l.missing();
        } else {
            l.add(Math.max(0, at - s.dueMillis()));
        }
    }

    private void cpu(
            String head, int accepted, Map<String, Double> cpu0, Map<String, Double> cpu1, double[] m0, double[] m1) {
        StringJoiner parts = new StringJoiner(", ");
        double total = 0;
        for (String part : StackProcesses.PARTS) {
            if (cpu1.containsKey(part)) {
                double seconds = cpu1.get(part) - cpu0.getOrDefault(part, 0.0);
                total += seconds;
                parts.add(String.format(Locale.ROOT, "%s %.2f", part, seconds * 1000 / Math.max(1, accepted)));
            }
        }
        double machineBusy = m1[0] - m0[0];
        double elapsed = m1[1] - m0[1];
        System.out.printf(
                Locale.ROOT,
                "%s: CPU ms per complaint (until caught up): %s; stack total %.2f ms; the 2 cores %.0f %% busy over %.0f s:"
                        + " %.0f %% of that the stack, %.0f %% the load generator, %.0f %% other work on the machine;"
                        + " load average %s%n",
                head,
                parts,
                total * 1000 / Math.max(1, accepted),
                100 * machineBusy / (elapsed * Machine.cores()),
                elapsed,
                share(total, machineBusy),
                share(m1[2] - m0[2], machineBusy),
                share(machineBusy - total - (m1[2] - m0[2]), machineBusy),
                Machine.loadAverage());
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : 100 * Math.max(0, part) / whole;
    }

    /** Waits until every complaint of {@code sent} went through the stages this mode measures; false after the wait. */
    boolean awaitComplete(List<Sent> sent, long maxMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + maxMillis;
        long lastProgress = System.currentTimeMillis();
        long lastCount = -1;
        while (true) {
            long done = sent.stream().filter(this::complete).count();
            if (done == sent.size()) {
                return true;
            }
            long now = System.currentTimeMillis();
            if (done != lastCount) {
                lastCount = done;
                lastProgress = now;
            } else if (now - lastProgress > 30_000
                    && events.lag().values().stream().allMatch(l -> l == 0)) {
                // nothing moved for 30 s and every consumer group is at the end of its topics: what is missing is lost
                System.out.printf(
                        "BENCH stalled: %d of %d complaints never went through every stage (every consumer group"
                                + " at the end of its topics for 30 s)%n",
                        sent.size() - done, sent.size());
                return false;
            }
            if (now > end) {
                return false;
            }
            Thread.sleep(1000);
        }
    }

    private boolean complete(Sent s) {
        PipelineEvents.CaseEvents c = events.of(s.caseNumber());
        if (c == null) {
            return false;
        }
        synchronized (c) {
            if (!pipeline()) {
                return c.submittedAt != 0;
            }
            boolean dispatched = c.routedAt != 0 ? c.openedAt != 0 : c.manualAt != 0;
            return dispatched && !receipts.sms(s.caseNumber()).isEmpty();
        }
    }

    private void headline(List<RateResult> outcomes) throws java.io.IOException {
        RateResult best = null;
        for (RateResult o : outcomes) {
            if (o.complete() && o.openedP99Millis() >= 0 && o.openedP99Millis() <= 2000) {
                best = o;
            }
        }
        double intakeAlone = 0;
        boolean atTop = false;
        if (Files.exists(results)) {
            List<String> lines = Files.readAllLines(results);
            for (String line : lines) {
                String[] f = line.split(" ");
                // intake alone sustains a rate when it answers (almost) all of it with HTTP p99 <= 100 ms
                if (f.length == 3
                        && Double.parseDouble(f[1]) >= 0.98 * Integer.parseInt(f[0])
                        && Long.parseLong(f[2]) <= 100_000) {
                    intakeAlone = Math.max(intakeAlone, Integer.parseInt(f[0]));
                    atTop = line.equals(lines.get(lines.size() - 1));
                }
            }
        }
        if (best == null) {
            System.out.println("BENCH headline: no rate kept WorkItemOpened p99 <= 2 s");
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "BENCH headline: highest rate with WorkItemOpened p99 <= 2 s: %d/s (p99 %.2f s, HTTP p99 %.1f ms);"
                        + " intake alone sustained %s%.0f/s with HTTP p99 <= 100 ms: ratio %.2f%n",
                best.rate(),
                best.openedP99Millis() / 1000.0,
                best.httpP99Micros() / 1000.0,
                atTop ? ">= " : "",
                intakeAlone,
                intakeAlone == 0 ? 0 : best.rate() / intakeAlone);
    }
}
