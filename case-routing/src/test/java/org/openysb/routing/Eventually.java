package org.openysb.routing;

import java.time.Duration;
import java.time.Instant;

/** Retries an assertion until it holds or the time is up (events are consumed asynchronously). */
public final class Eventually {
    private Eventually() {}

    public static void eventually(Duration timeout, Runnable assertion) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(end)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static void eventually(Runnable assertion) {
        eventually(Duration.ofSeconds(30), assertion);
    }
}
