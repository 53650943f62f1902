package org.openysb.localstack.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of one stage for the complaints of one rate, in milliseconds, with the complaints that never reached the
 * stage within the wait counted as missing (above every measured one): a percentile that falls among them is printed as
 * "&gt; the wait".
 */
final class Latencies {
    private long[] values = new long[1024];
    private int size;
    private int missing;

    void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    void missing() {
        missing++;
    }

    int count() {
        return size;
    }

    int missingCount() {
        return missing;
    }

    /** The p-th percentile (0–100) in ms, or -1 when it falls among the missing. */
    long percentile(double p) {
        int total = size + missing;
        if (total == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * total) - 1;
        rank = Math.max(0, rank);
        return rank < size ? sorted[rank] : -1;
    }

    long max() {
        return missing > 0 ? -1 : Arrays.stream(values, 0, size).max().orElse(0);
    }

    /** "p50 / p99 / max" in seconds, e.g. {@code 0.21 / 1.35 / 2.02 s}. */
    String seconds(long waitedMillis) {
        return String.format(
                Locale.ROOT,
                "%s / %s / %s s%s",
                s(percentile(50), waitedMillis),
                s(percentile(99), waitedMillis),
                s(max(), waitedMillis),
                missing > 0 ? " (" + missing + " not there after the wait)" : "");
    }

    /** "p50 / p99 / max" in milliseconds. */
    String millis() {
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms", percentile(50), percentile(99), max());
    }

    private static String s(long millis, long waitedMillis) {
        return millis < 0
                ? String.format(Locale.ROOT, "> %.0f", waitedMillis / 1000.0)
                : String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }
}
