package org.openysb.localstack.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An outage of supervision-service under load: web complaints at {@code rate}/s; after 10 s supervision-service is
 * stopped (SIGTERM, as the launcher stops it) for {@code stopSeconds}, while intake and routing go on; then it is started
 * again with the same command line, and the benchmark measures how fast its backlog of routed cases becomes work items
 * (WorkItemOpened on ysb.supervision) until it has caught up, the load going on for another 60 s. Exactly once is
 * checked with everything else at the end (ZeroLoss).
 */
final class DrainMeasure {
    private final PipelineBenchmark bench;
    private final PipelineEvents events;
    private final StackProcesses processes;
    private final Path dataDir;

    DrainMeasure(PipelineBenchmark bench, PipelineEvents events, StackProcesses processes, Path dataDir) {
        this.bench = bench;
        this.events = events;
        this.processes = processes;
        this.dataDir = dataDir;
    }

    void run(int rate, int stopSeconds) throws Exception {
        int before = 10;
        int after = 60;
        String head =
                String.format(Locale.ROOT, "BENCH drain (%d/s, supervision-service stopped %d s)", rate, stopSeconds);
        CompletableFuture<PipelineBenchmark.Sending> load = CompletableFuture.supplyAsync(() -> {
            try {
                return bench.send(rate, before + stopSeconds + after);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(before));
        long stopping = System.currentTimeMillis();
        StackProcesses.Launch launch = processes.stop("supervision-service", "SUPERVISION_PORT");
        long stopped = System.currentTimeMillis();
        Thread.sleep(Math.max(0, stopping + TimeUnit.SECONDS.toMillis(stopSeconds) - System.currentTimeMillis()));
        long backlog = events.routedNotOpened();
        long lag = events.lag("supervision-service", "ysb.routing");
        long started = System.currentTimeMillis();
        processes.start(launch, dataDir.resolve("logs/supervision-service.log"));
        long ready = System.currentTimeMillis();
        // caught up: at most half a second of the load routed and not yet opened
        long caughtUp = 0;
        long end = ready + TimeUnit.SECONDS.toMillis(600);
        long lastBacklog = -1;
        long lastChange = ready;
        while (System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            long left = events.routedNotOpened();
            if (left <= rate / 2) {
                caughtUp = now;
                break;
            }
            if (left != lastBacklog) {
                lastBacklog = left;
                lastChange = now;
            } else if (now - lastChange > 15_000 && events.lag("supervision-service", "ysb.routing") == 0) {
                System.out.printf(
                        "%s: stalled: %d routed cases without a work item while supervision-service is at the end of"
                                + " ysb.routing (lost in the stop?)%n",
                        head, left);
                caughtUp = lastChange;
                break;
            }
            Thread.sleep(100);
        }
        PipelineBenchmark.Sending sending = load.get();
        System.out.printf(
                Locale.ROOT,
                "%s: stopped in %.1f s; at the restart %d routed cases without a work item (group lag on ysb.routing %d);"
                        + " ready %.1f s after the start%n",
                head,
                (stopped - stopping) / 1000.0,
                backlog,
                lag,
                (ready - started) / 1000.0);
        if (caughtUp == 0) {
            System.out.printf(
                    "%s: NOT caught up within 600 s of the restart (%d still routed and not opened)%n",
                    head, events.routedNotOpened());
        } else {
            long opened = events.openedBetween(started, caughtUp);
            long openedFromReady = events.openedBetween(ready, caughtUp);
            System.out.printf(
                    Locale.ROOT,
                    "%s: caught up %.1f s after the start (%.1f s after ready): %d work items opened meanwhile, %.0f/s"
                            + " from the start, %.0f/s from ready, peak %d in one second%n",
                    head,
                    (caughtUp - started) / 1000.0,
                    (caughtUp - ready) / 1000.0,
                    opened,
                    opened * 1000.0 / Math.max(1, caughtUp - started),
                    openedFromReady * 1000.0 / Math.max(1, caughtUp - ready),
                    events.peakOpenedPerSecond(ready, caughtUp));
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %d sent, %d accepted, %d failed %s; HTTP p50 %.1f ms, p99 %.1f ms%n",
                head,
                (long) rate * (before + stopSeconds + after),
                sending.sent().size(),
                sending.failed(),
                sending.statuses().isEmpty() ? "" : sending.statuses().toString(),
                sending.http().percentile(50) / 1000.0,
                sending.http().percentile(99) / 1000.0);
        bench.awaitComplete(sending.sent(), TimeUnit.SECONDS.toMillis(300));
        bench.stages(head, sending.sent(), System.currentTimeMillis());
    }
}
