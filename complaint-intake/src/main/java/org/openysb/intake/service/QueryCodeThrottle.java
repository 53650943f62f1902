package org.openysb.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.openysb.intake.config.IntakeConfig;

/**
 * Throttles clients that send wrong query codes (guessing a 6-digit code): after the configured number of misses
 * within the window, every tracking request of that client gets 429 until the window has passed. Per service
 * instance; behind several instances the limit applies per instance.
 */
@ApplicationScoped
public class QueryCodeThrottle {
    private static final Logger LOG = Logger.getLogger(QueryCodeThrottle.class);
    private static final int MAX_CLIENTS = 100_000;

    private final IntakeConfig.Tracking config;
    private final ConcurrentHashMap<String, Deque<Instant>> misses = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public QueryCodeThrottle(IntakeConfig config) {
        this.config = config.tracking();
    }

    /** Throws 429 ({@link TooManyWrongCodes}, with when to retry) when the client has used up its wrong codes. */
    public void requireNotThrottled(String client) {
        Deque<Instant> times = misses.get(client);
        if (times == null) {
            return;
        }
        synchronized (times) {
            prune(times);
            if (times.size() >= config.maxWrongCodes()) {
                throw new TooManyWrongCodes(retryAfterSeconds(times));
            }
        }
    }

    public void recordWrongCode(String client) {
        if (misses.size() > MAX_CLIENTS) {
            misses.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
            if (times.size() == config.maxWrongCodes()) {
                LOG.warnf("client %s throttled after %d wrong query codes", client, times.size());
            }
        }
    }

    /**
     * When the client is below the limit again: once the miss that keeps it at the limit (the oldest of the last
     * {@code max-wrong-codes}) has left the window; at least one second.
     */
    private long retryAfterSeconds(Deque<Instant> times) {
        int skip = times.size() - config.maxWrongCodes();
        Instant deciding = times.stream().skip(Math.max(0, skip)).findFirst().orElse(clock.instant());
        Duration left = Duration.between(clock.instant(), deciding.plus(config.wrongCodeWindow()));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(config.wrongCodeWindow());
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }
}
