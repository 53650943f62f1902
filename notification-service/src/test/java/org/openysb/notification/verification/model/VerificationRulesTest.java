package org.openysb.notification.verification.model;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of verification codes and their limits, without the service around them. */
class VerificationRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    private static final RequestLimit PER_NUMBER = new RequestLimit(5, Duration.ofHours(1), Duration.ofSeconds(60));
    private static final RequestLimit PER_CLIENT = new RequestLimit(20, Duration.ofHours(1), null);

    private static MobileVerification code(OffsetDateTime sentAt) {
        MobileVerification v = new MobileVerification();
        v.status = MobileVerification.Status.SENT;
        v.createdAt = sentAt;
        v.expiresAt = sentAt.plusMinutes(5);
        return v;
    }

    @Test
    void aFirstRequestIsAllowed() {
        assertEquals(Optional.empty(), PER_NUMBER.waitBefore(List.of(), NOW));
    }

    @Test
    void aSecondRequestWithinTheIntervalWaitsForTheRestOfIt() {
        assertEquals(Optional.of(Duration.ofSeconds(45)), PER_NUMBER.waitBefore(List.of(NOW.minusSeconds(15)), NOW));
        assertEquals(Optional.empty(), PER_NUMBER.waitBefore(List.of(NOW.minusSeconds(60)), NOW));
    }

    @Test
    void theSixthRequestOfAnHourWaitsUntilTheFirstLeavesTheWindow() {
        List<OffsetDateTime> five = List.of(
                NOW.minusMinutes(50),
                NOW.minusMinutes(40),
                NOW.minusMinutes(30),
                NOW.minusMinutes(20),
                NOW.minusMinutes(10));
        assertEquals(Optional.of(Duration.ofMinutes(10)), PER_NUMBER.waitBefore(five, NOW));
        assertEquals(Optional.empty(), PER_NUMBER.waitBefore(five.subList(1, 5), NOW));
    }

    @Test
    void aClientLimitHasNoInterval() {
        assertEquals(Optional.empty(), PER_CLIENT.waitBefore(List.of(NOW.minusSeconds(1)), NOW));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(45, RequestLimit.seconds(Duration.ofSeconds(44).plusMillis(1)));
        assertEquals(1, RequestLimit.seconds(Duration.ofMillis(3)));
    }

    @Test
    void theRightCodeIsUsedUpByItsFirstUse() {
        MobileVerification v = code(NOW);
        assertEquals(MobileVerification.Outcome.CORRECT, v.attempt(true, NOW.plusMinutes(1), 5));
        assertTrue(v.used);
        assertEquals(MobileVerification.Outcome.EXPIRED, v.attempt(true, NOW.plusMinutes(1), 5));
    }

    @Test
    void theFifthWrongTryUsesTheCodeUp() {
        MobileVerification v = code(NOW);
        for (int i = 1; i <= 4; i++) {
            assertEquals(MobileVerification.Outcome.WRONG, v.attempt(false, NOW, 5));
            assertEquals(5 - i, v.remainingAttempts(5));
        }
        assertEquals(MobileVerification.Outcome.EXPIRED, v.attempt(false, NOW, 5));
        assertEquals(MobileVerification.Outcome.EXPIRED, v.attempt(true, NOW, 5));
        assertFalse(v.used);
    }

    @Test
    void aCodeExpiresAfterItsValidityAndAFailedSendIsNeverValid() {
        assertEquals(MobileVerification.Outcome.CORRECT, code(NOW).attempt(true, NOW.plusMinutes(5), 5));
        assertEquals(
                MobileVerification.Outcome.EXPIRED,
                code(NOW).attempt(true, NOW.plusMinutes(5).plusNanos(1), 5));
        MobileVerification failed = code(NOW);
        failed.status = MobileVerification.Status.FAILED;
        assertEquals(MobileVerification.Outcome.EXPIRED, failed.attempt(true, NOW, 5));
    }

    @Test
    void aSignedTokenIsTheExpiryAndThirtyTwoHexCharacters() {
        String token = SignedToken.sign("s", SignedToken.TRACK, "TS202611220001", Instant.ofEpochSecond(1795190400L));
        assertTrue(token.matches("1795190400\\.[0-9a-f]{32}"), token);
        assertEquals(
                SignedToken.hmacHex("s", "track:TS202611220001:1795190400").substring(0, 32),
                token.substring(token.indexOf('.') + 1));
    }
}
