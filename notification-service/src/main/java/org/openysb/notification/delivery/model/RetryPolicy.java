package org.openysb.notification.delivery.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the next one waits {@code initial × 2^(n-1)}, capped at
 * {@code max}, of which a random share up to {@code jitter} is taken off (so that many failures of one outage do not
 * retry in lockstep). After {@code maxAttempts} failed attempts the message is dead.
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max, double jitter) {

    /** When to try again after {@code attempts} failed attempts, or null when the message is out of attempts. */
    public OffsetDateTime nextAttempt(int attempts, OffsetDateTime now, RandomGenerator random) {
        if (attempts >= maxAttempts) {
            return null;
        }
        long base = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        long jittered = capped - (long) (capped * jitter * random.nextDouble());
        return now.plus(Duration.ofMillis(Math.max(jittered, 1)));
    }
}
