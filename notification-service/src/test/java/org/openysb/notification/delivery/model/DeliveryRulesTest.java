package org.openysb.notification.delivery.model;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backoff with jitter, quiet hours and SMS length rules, without the service around them. */
class DeliveryRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofHours(1), 0.5);
    private static final QuietHours QUIET =
            new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

    /** A random source that always draws {@code value} in [0, 1). */
    static RandomGenerator drawing(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    static Duration wait(RetryPolicy policy, int attempts, double draw) {
        return Duration.between(NOW, policy.nextAttempt(attempts, NOW, drawing(draw)));
    }

    @Test
    void shouldDoubleTheWaitAfterEachFailureUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), wait(POLICY, 1, 0));
        assertEquals(Duration.ofSeconds(60), wait(POLICY, 2, 0));
        assertEquals(Duration.ofSeconds(120), wait(POLICY, 3, 0));
        assertEquals(Duration.ofSeconds(480), wait(POLICY, 5, 0));
        RetryPolicy many = new RetryPolicy(1000, Duration.ofSeconds(30), Duration.ofHours(1), 0.5);
        assertEquals(Duration.ofHours(1), wait(many, 9, 0));
        assertEquals(Duration.ofHours(1), wait(many, 64, 0), "no overflow after many attempts");
        assertEquals(Duration.ofHours(1), wait(many, 999, 0));
    }

    @Test
    void shouldTakeOffAtMostTheJitterShareAtRandom() {
        assertEquals(Duration.ofSeconds(45), wait(POLICY, 2, 0.5)); // 60 s less 0.5 × 0.5 × 60 s
        assertEquals(Duration.ofMillis(30_000 - 11_250), wait(POLICY, 1, 0.75)); // 30 s less 0.75 × 0.5 × 30 s
        RetryPolicy none = new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofHours(1), 0);
        assertEquals(Duration.ofSeconds(60), wait(none, 2, 0.999));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertNull(POLICY.nextAttempt(6, NOW, drawing(0)));
        assertNull(POLICY.nextAttempt(7, NOW, drawing(0)));
    }

    @Test
    void shouldBeQuietFromTenAtNightToEightInTheMorningShanghaiTime() {
        assertFalse(QUIET.isQuiet(OffsetDateTime.parse("2026-11-23T21:59:59+08:00")));
        assertTrue(QUIET.isQuiet(OffsetDateTime.parse("2026-11-23T22:00:00+08:00")));
        assertTrue(QUIET.isQuiet(OffsetDateTime.parse("2026-11-24T03:00:00+08:00")));
        assertTrue(QUIET.isQuiet(OffsetDateTime.parse("2026-11-24T07:59:59+08:00")));
        assertFalse(QUIET.isQuiet(OffsetDateTime.parse("2026-11-24T08:00:00+08:00")));
        // 15:30 UTC is 23:30 in Shanghai
        assertTrue(QUIET.isQuiet(OffsetDateTime.parse("2026-11-23T15:30:00Z")));
        assertFalse(new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"))
                .isQuiet(OffsetDateTime.parse("2026-11-23T23:00:00+08:00")));
        QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("Asia/Shanghai"));
        assertTrue(lunch.isQuiet(OffsetDateTime.parse("2026-11-23T12:30:00+08:00")));
        assertFalse(lunch.isQuiet(OffsetDateTime.parse("2026-11-23T23:00:00+08:00")));
    }

    @Test
    void shouldDeferToTheEndOfTheseQuietHours() {
        assertEquals(
                OffsetDateTime.parse("2026-11-24T08:00:00+08:00").toInstant(),
                QUIET.earliestSend(OffsetDateTime.parse("2026-11-23T23:30:00+08:00"))
                        .toInstant());
        assertEquals(
                OffsetDateTime.parse("2026-11-24T08:00:00+08:00").toInstant(),
                QUIET.earliestSend(OffsetDateTime.parse("2026-11-23T18:30:00Z")).toInstant()); // 02:30 Shanghai
        OffsetDateTime day = OffsetDateTime.parse("2026-11-24T09:15:00+08:00");
        assertEquals(day, QUIET.earliestSend(day));
    }

    @Test
    void shouldCountSmsSegmentsTheWayProvidersDo() {
        assertEquals(1, SmsText.segments("短".repeat(70)));
        assertEquals(2, SmsText.segments("短".repeat(71)));
        assertEquals(2, SmsText.segments("短".repeat(134)));
        assertEquals(3, SmsText.segments("短".repeat(135)));
        assertEquals(3, SmsText.segments("短".repeat(201)));
        assertEquals(4, SmsText.segments("短".repeat(202)));
    }

    @Test
    void shouldTrimALongSmsToTheAllowedSegmentsWithAnEllipsis() {
        String text = "【营商环境投诉】" + "长".repeat(300);
        String trimmed = SmsText.trim(text, 3);
        assertEquals(201, SmsText.length(trimmed));
        assertEquals(3, SmsText.segments(trimmed));
        assertTrue(trimmed.startsWith("【营商环境投诉】") && trimmed.endsWith("长…"));
        String single = SmsText.trim(text, 1);
        assertEquals(70, SmsText.length(single));
        assertEquals("短信", SmsText.trim("短信", 1));
    }
}
