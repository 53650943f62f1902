package org.openysb.notification.verification.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A sliding-window limit: at most {@code max} requests within {@code window}, and (optionally) at least
 * {@code interval} between two. Given the times of the earlier requests, it says how long a new one must wait.
 */
public record RequestLimit(int max, Duration window, Duration interval) {
    /**
     * How long until a request is allowed, or empty when it is allowed now. {@code earlier}: the times of the
     * requests within the window, oldest first.
     */
    public Optional<Duration> waitBefore(List<OffsetDateTime> earlier, OffsetDateTime now) {
        Duration wait = Duration.ZERO;
        if (!earlier.isEmpty() && interval != null) {
            wait = max(
                    wait, Duration.between(now, earlier.get(earlier.size() - 1).plus(interval)));
        }
        List<OffsetDateTime> inWindow =
                earlier.stream().filter(t -> t.isAfter(now.minus(window))).toList();
        if (inWindow.size() >= max) {
            // the request that must leave the window before the count is below the maximum again
            OffsetDateTime leaving = inWindow.get(inWindow.size() - max);
            wait = max(wait, Duration.between(now, leaving.plus(window)));
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    /** Whole seconds a client should wait ({@code Retry-After}), at least 1. */
    public static long seconds(Duration wait) {
        long s = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
