package org.openysb.notification.verification.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The expiring tokens this service hands out and other services check under a shared secret:
 * {@code <expiryEpochSeconds>.<hex>}, where hex is the first 32 hex characters of HMAC-SHA256(secret,
 * {@code purpose + ":" + subject + ":" + expiryEpochSeconds}). Purposes: {@code track} (the tracking link, subject
 * the case number, checked by complaint-intake) and {@code mobile-verified} (subject the mobile number, checked by
 * complaint-intake when a complaint is filed).
 */
public final class SignedToken {
    public static final String TRACK = "track";
    public static final String MOBILE_VERIFIED = "mobile-verified";

    private SignedToken() {}

    public static String sign(String secret, String purpose, String subject, Instant expiry) {
        long seconds = expiry.getEpochSecond();
        return seconds + "."
                + hmacHex(secret, purpose + ":" + subject + ":" + seconds).substring(0, 32);
    }

    /** HMAC-SHA256 of {@code message} under {@code secret}, 64 hex characters. */
    public static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
