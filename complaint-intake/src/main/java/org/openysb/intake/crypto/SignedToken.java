package org.openysb.intake.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A token another service signed with a shared secret for one subject (a case number, a mobile number) until a
 * time: {@code <expiryEpochSeconds>.<hex>}, where hex is the first 32 hex digits of HMAC-SHA256(secret, purpose +
 * subject + ":" + expiryEpochSeconds). The signature is compared in constant time, and checked before the expiry, so
 * that only a genuine token is ever reported as expired.
 */
public final class SignedToken {
    private static final Pattern FORMAT = Pattern.compile("\\d{1,12}\\.[0-9a-fA-F]{32}");
    private static final int HEX_DIGITS = 32;

    /** What a token says about its subject. */
    public enum Check {
        /** signed for this subject and not yet expired */
        VALID,
        /** signed for this subject, but past its expiry */
        EXPIRED,
        /** missing, malformed, or not signed for this subject with this secret */
        INVALID
    }

    private final String purpose;
    private final ThreadLocal<Mac> macs;

    /**
     * @param secret the shared secret (UTF-8)
     * @param purpose what the token is for, the start of the signed message ({@code "track:"})
     */
    public SignedToken(String secret, String purpose) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a token secret is required for " + purpose);
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.purpose = purpose;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** A token for {@code subject} valid until {@code expiry} (what the issuing service makes; tests use it). */
    public String issue(String subject, Instant expiry) {
        long seconds = expiry.getEpochSecond();
        return seconds + "." + signature(subject, seconds);
    }

    public Check check(String subject, String token, Instant now) {
        if (subject == null || token == null || !FORMAT.matcher(token).matches()) {
            return Check.INVALID;
        }
        int dot = token.indexOf('.');
        long expiry = Long.parseLong(token.substring(0, dot));
        byte[] given = token.substring(dot + 1).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(subject, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            return Check.INVALID;
        }
        return now.getEpochSecond() < expiry ? Check.VALID : Check.EXPIRED;
    }

    private String signature(String subject, long expirySeconds) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal((purpose + subject + ":" + expirySeconds).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    }
}
