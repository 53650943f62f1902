package org.openysb.notification.delivery.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of Tencent-Cloud-style APIs (API v3, {@code TC3-HMAC-SHA256}):
 *
 * <ol>
 *   <li>canonical request: method, URI path, query, the signed headers ({@code name:value\n}, names lower case,
 *       sorted), the signed header names joined by {@code ;}, and hex SHA-256 of the body, one per line;
 *   <li>string to sign: {@code TC3-HMAC-SHA256}, the Unix timestamp, the credential scope
 *       {@code <UTC date>/<service>/tc3_request} and hex SHA-256 of the canonical request, one per line;
 *   <li>signing key: HMAC-SHA256 chain {@code "TC3" + secret} → UTC date → service → {@code tc3_request};
 *   <li>signature: hex HMAC-SHA256(signing key, string to sign), sent as
 *       {@code Authorization: TC3-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<names>, Signature=<hex>}.
 * </ol>
 */
public final class Tc3Signature {
    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signature() {}

    /** The UTC date of a Unix timestamp, as in the credential scope. */
    public static String date(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    public static String scope(long timestamp, String service) {
        return date(timestamp) + "/" + service + "/tc3_request";
    }

    /** Header names (any case) to values; returns {canonical headers, signed header names}. */
    public static String[] canonicalHeaders(Map<String, String> headers) {
        Map<String, String> sorted = new TreeMap<>();
        headers.forEach((k, v) -> sorted.put(k.toLowerCase(java.util.Locale.ROOT), v.trim()));
        String canonical = sorted.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        return new String[] {canonical, String.join(";", sorted.keySet())};
    }

    public static String canonicalRequest(
            String method, String path, String query, Map<String, String> headers, String payload) {
        String[] h = canonicalHeaders(headers);
        return method + "\n" + (path == null || path.isEmpty() ? "/" : path) + "\n" + (query == null ? "" : query)
                + "\n" + h[0] + "\n" + h[1] + "\n" + sha256Hex(payload);
    }

    public static String stringToSign(long timestamp, String service, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + scope(timestamp, service) + "\n" + sha256Hex(canonicalRequest);
    }

    /** Hex HMAC-SHA256 over the string to sign with the derived key of this date and service. */
    public static String signature(String secretKey, long timestamp, String service, String stringToSign) {
        byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date(timestamp));
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return HexFormat.of().formatHex(hmac(secretSigning, stringToSign));
    }

    /** The value of the Authorization header for this request. */
    public static String authorization(
            String secretId,
            String secretKey,
            String service,
            long timestamp,
            String method,
            String path,
            Map<String, String> signedHeaders,
            String payload) {
        String canonical = canonicalRequest(method, path, "", signedHeaders, payload);
        String signature = signature(secretKey, timestamp, service, stringToSign(timestamp, service, canonical));
        return ALGORITHM + " Credential=" + secretId + "/" + scope(timestamp, service) + ", SignedHeaders="
                + canonicalHeaders(signedHeaders)[1] + ", Signature=" + signature;
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
