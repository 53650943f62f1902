package org.openysb.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests (replaces the default bean of ClockProducer): real time shifted by an offset that only
 * ever grows. It starts at the next 10:00 in Asia/Shanghai so that no test depends on the hour it happens to run at
 * (quiet hours), and a test travels forward to a local time of day. Never backwards: messages recorded "now" would no
 * longer be due.
 */
@Singleton
public class TestClock extends Clock {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private volatile Duration offset = Duration.ZERO;

    public TestClock() {
        travelToNext(LocalTime.of(10, 0));
    }

    /** Moves to the next moment (after now) when it is {@code time} in Asia/Shanghai; returns that moment. */
    public synchronized ZonedDateTime travelToNext(LocalTime time) {
        ZonedDateTime now = instant().atZone(CHINA);
        ZonedDateTime target = now.toLocalDate().atTime(time).atZone(CHINA);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        offset = offset.plus(Duration.between(now.toInstant(), target.toInstant()));
        return target;
    }

    /** Moves forward by {@code duration} (e.g. past the validity of a verification code). */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock never goes back");
        }
        offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
