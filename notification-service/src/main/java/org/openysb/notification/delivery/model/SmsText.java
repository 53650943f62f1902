package org.openysb.notification.delivery.model;

/**
 * The length rules of Chinese SMS providers (UCS-2): one message holds 70 characters; a longer text is sent as a
 * concatenated message whose segments hold 67 characters each. The signature (【…】) counts. A text needing more than
 * the allowed segments is refused or trimmed (ending with "…"), as configured.
 */
public final class SmsText {
    public static final int SINGLE = 70;
    public static final int CONCATENATED = 67;

    private SmsText() {}

    /** Characters as the provider counts them (one per Unicode code point). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static int segments(String text) {
        int n = length(text);
        return n <= SINGLE ? 1 : (n + CONCATENATED - 1) / CONCATENATED;
    }

    /** The text cut so that it fits {@code maxSegments} segments, with "…" at the end when something was cut. */
    public static String trim(String text, int maxSegments) {
        if (segments(text) <= maxSegments) {
            return text;
        }
        int limit = maxSegments == 1 ? SINGLE : maxSegments * CONCATENATED;
        int end = text.offsetByCodePoints(0, limit - 1);
        return text.substring(0, end) + "…";
    }
}
