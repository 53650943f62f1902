package org.openysb.intake.crypto;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared token format ({@code <expiryEpochSeconds>.<first 32 hex digits of HMAC-SHA256>}), checked against values
 * computed independently (Python's hmac) with the local-development secrets.
 */
class SignedTokenTest {
    private static final SignedToken TRACKING = new SignedToken("local-dev-tracking-link-secret", "track:");
    private static final SignedToken MOBILE =
            new SignedToken("local-dev-mobile-verification-secret", "mobile-verified:");
    private static final long EXPIRY = 1_800_000_000L;
    private static final String TRACK_TOKEN = EXPIRY + ".2b28c7ec92314730c22ae74e4b4e3d12";
    private static final String MOBILE_TOKEN = EXPIRY + ".d342b25642b022520098ba24de040368";
    private static final Instant BEFORE = Instant.ofEpochSecond(EXPIRY - 1);
    private static final Instant AT_EXPIRY = Instant.ofEpochSecond(EXPIRY);

    @Test
    void shouldIssueThePlansFormat() {
        assertEquals(TRACK_TOKEN, TRACKING.issue("TS202612070001", AT_EXPIRY));
        assertEquals(MOBILE_TOKEN, MOBILE.issue("13812341234", AT_EXPIRY));
    }

    @Test
    void shouldAcceptAGenuineTokenUntilItsExpiry() {
        assertEquals(SignedToken.Check.VALID, TRACKING.check("TS202612070001", TRACK_TOKEN, BEFORE));
        assertEquals(SignedToken.Check.VALID, MOBILE.check("13812341234", MOBILE_TOKEN, BEFORE));
        assertEquals(SignedToken.Check.VALID, MOBILE.check("13812341234", MOBILE_TOKEN.toUpperCase(), BEFORE));
    }

    @Test
    void shouldCallAGenuineTokenExpiredFromItsExpiryOn() {
        assertEquals(SignedToken.Check.EXPIRED, TRACKING.check("TS202612070001", TRACK_TOKEN, AT_EXPIRY));
    }

    @Test
    void shouldNotAcceptATokenOfAnotherSubject() {
        assertEquals(SignedToken.Check.INVALID, TRACKING.check("TS202612070002", TRACK_TOKEN, BEFORE));
        assertEquals(SignedToken.Check.INVALID, MOBILE.check("13812341235", MOBILE_TOKEN, BEFORE));
    }

    @Test
    void shouldNotAcceptATokenForAnotherPurposeOrSecret() {
        SignedToken otherSecret = new SignedToken("another-secret", "track:");
        assertEquals(SignedToken.Check.INVALID, otherSecret.check("TS202612070001", TRACK_TOKEN, BEFORE));
        SignedToken otherPurpose = new SignedToken("local-dev-tracking-link-secret", "mobile-verified:");
        assertEquals(SignedToken.Check.INVALID, otherPurpose.check("TS202612070001", TRACK_TOKEN, BEFORE));
    }

    @Test
    void shouldNotAcceptATamperedExpiryOrSignature() {
        // a later expiry with the old signature: not signed, so not merely "expired"
        assertEquals(
                SignedToken.Check.INVALID,
                TRACKING.check("TS202612070001", (EXPIRY + 86_400) + TRACK_TOKEN.substring(10), BEFORE));
        assertEquals(
                SignedToken.Check.INVALID,
                TRACKING.check("TS202612070001", TRACK_TOKEN.substring(0, TRACK_TOKEN.length() - 1) + "0", BEFORE));
        assertEquals(
                SignedToken.Check.INVALID,
                TRACKING.check("TS202612070001", TRACK_TOKEN.substring(0, TRACK_TOKEN.length() - 1) + "3", AT_EXPIRY));
    }

    @Test
    void shouldNotAcceptMalformedTokens() {
        for (String token : new String[] {
            null,
            "",
            "abc",
            EXPIRY + "",
            EXPIRY + ".",
            "." + TRACK_TOKEN.substring(11),
            TRACK_TOKEN + "0",
            "-1.2b28c7ec92314730c22ae74e4b4e3d12",
            EXPIRY + ".2b28c7ec92314730c22ae74e4b4e3d1g",
            TRACK_TOKEN + " "
        }) {
            assertEquals(SignedToken.Check.INVALID, TRACKING.check("TS202612070001", token, BEFORE), token);
        }
    }
}
