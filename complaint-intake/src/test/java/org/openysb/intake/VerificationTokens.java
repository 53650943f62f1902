package org.openysb.intake;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.jwt.build.Jwt;

import org.openysb.testsupport.TestTokens;

/**
 * The tokens notification-service issues, made here with the test profile's secrets: mobile verification
 * (手机号验证) for web complaints that give a mobile, and tracking links (进度查询链接).
 */
public final class VerificationTokens {
    /** {@code %test.intake.web.mobile-verification.secret}; PackagedIntake hands it to the packaged service. */
    public static final String MOBILE_SECRET = "test-mobile-verification-secret";

    /** {@code %test.intake.tracking-link.secret}. */
    public static final String TRACKING_SECRET = "test-tracking-link-secret";

    private VerificationTokens() {}

    /** A mobile verification token for {@code mobile}, valid for 30 minutes as notification-service's. */
    public static String mobile(String mobile) {
        return mobile(mobile, Instant.now().plus(Duration.ofMinutes(30)));
    }

    public static String mobile(String mobile, Instant expiry) {
        return sign(MOBILE_SECRET, "mobile-verified:" + mobile, expiry);
    }

    /** A mobile verification token signed with another secret. */
    public static String mobileSignedWith(String secret, String mobile) {
        return sign(secret, "mobile-verified:" + mobile, Instant.now().plus(Duration.ofMinutes(30)));
    }

    /** A tracking link's token for {@code caseNumber}, valid until {@code expiry}. */
    public static String tracking(String caseNumber, Instant expiry) {
        return sign(TRACKING_SECRET, "track:" + caseNumber, expiry);
    }

    /**
     * {@code <expiryEpochSeconds>.<hex>}, hex the first 32 hex digits of HMAC-SHA256(secret, message + ":" + expiry):
     * the shared plan's format, computed here without the service's code.
     */
    public static String sign(String secret, String message, Instant expiry) {
        long seconds = expiry.getEpochSecond();
        Mac mac = MACS.get().computeIfAbsent(secret, VerificationTokens::mac);
        byte[] digest = mac.doFinal((message + ":" + seconds).getBytes(StandardCharsets.UTF_8));
        return seconds + "." + HexFormat.of().formatHex(digest).substring(0, 32);
    }

    /** Per thread and secret (the benchmark's driver makes thousands a second). */
    private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(java.util.HashMap::new);

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A bearer token like {@link TestTokens#token(String, String)} with the identity provider's phone claims
     * ({@code phone_number}, {@code phone_number_verified}), signed with the same key pair. TestTokens has no method
     * for extra claims, so its key is read here.
     */
    public static String withPhone(String username, String role, String phone, boolean verified) {
        return Jwt.issuer(TestTokens.ISSUER)
                .subject("sub-" + username)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("units", List.of())
                .claim("phone_number", phone)
                .claim("phone_number_verified", verified)
                .expiresIn(3600)
                .sign(testKeys().getPrivate());
    }

    private static KeyPair testKeys() {
        try {
            Field keys = TestTokens.class.getDeclaredField("KEYS");
            keys.setAccessible(true);
            return (KeyPair) keys.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestTokens' key pair", e);
        }
    }
}
