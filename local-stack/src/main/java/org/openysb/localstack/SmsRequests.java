package org.openysb.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;

/**
 * The provider's side of the two SMS APIs notification-service speaks: is a request well-formed and correctly signed?
 * One implementation for the local stack's SMS sink and for the tests' provider stub, so that both check exactly
 * what a real provider checks. Each check answers null, or the error code the provider would answer.
 */
public final class SmsRequests {
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TC3 =
            Pattern.compile("TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([^/]+)/tc3_request,"
                    + " ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

    private SmsRequests() {}

    // ---- aliyun-style: signed form POST ----

    /** The parameters of a form body (application/x-www-form-urlencoded). */
    public static Map<String, String> form(String body) {
        Map<String, String> params = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /**
     * A SendSms form request: every parameter present, the key known, HMAC-SHA256, a timestamp within 15 minutes, the
     * signature right and the nonce never seen before (added to {@code nonces}).
     */
    public static String checkAliyun(
            String method, Map<String, String> params, String keyId, String secret, Set<String> nonces) {
        if (!"POST".equals(method)) {
            return "MissingParameter.Method";
        }
        for (String p : List.of(
                "Action",
                "AccessKeyId",
                "PhoneNumbers",
                "SignName",
                "Content",
                "SignatureMethod",
                "SignatureNonce",
                "Timestamp",
                "Signature")) {
            if (params.get(p) == null || params.get(p).isEmpty()) {
                return "MissingParameter." + p;
            }
        }
        if (!keyId.equals(params.get("AccessKeyId"))) {
            return "InvalidAccessKeyId.NotFound";
        }
        if (!"HMAC-SHA256".equals(params.get("SignatureMethod"))) {
            return "SignatureMethod.Unsupported";
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(params.get("Timestamp"));
        } catch (RuntimeException e) {
            return "InvalidTimeStamp.Format";
        }
        if (Duration.between(timestamp, Instant.now()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            return "InvalidTimeStamp.Expired";
        }
        if (!signAliyun(params, secret).equals(params.get("Signature"))) {
            return "SignatureDoesNotMatch";
        }
        if (!nonces.add(params.get("SignatureNonce"))) {
            return "SignatureNonceUsed";
        }
        return null;
    }

    /** Base64(HMAC-SHA256(secret, "POST&%2F&" + encode(sorted encoded k=v joined by &))), Signature excluded. */
    public static String signAliyun(Map<String, String> params, String secret) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("Signature")) {
                canonical
                        .append(canonical.isEmpty() ? "" : "&")
                        .append(encode(k))
                        .append('=')
                        .append(encode(v));
            }
        });
        String toSign = "POST&" + encode("/") + "&" + encode(canonical.toString());
        return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), toSign));
    }

    // ---- tencent-style: JSON body, TC3-HMAC-SHA256 ----

    /** The string fields of a SendSms JSON body (of a string array: its first element); empty when not JSON. */
    public static Map<String, String> jsonStrings(String body) {
        Map<String, String> fields = new TreeMap<>();
        try {
            JSON.readTree(body).properties().forEach(e -> {
                JsonNode v = e.getValue().isArray() ? e.getValue().path(0) : e.getValue();
                if (v.isTextual()) {
                    fields.put(e.getKey(), v.asText());
                }
            });
        } catch (IOException | RuntimeException e) {
            // not JSON: every field is missing
        }
        return fields;
    }

    /**
     * A SendSms JSON request (API v3): action, version and region headers, the required fields ({@link #jsonStrings}),
     * and an Authorization header whose TC3-HMAC-SHA256 signature — over the canonical request rebuilt from what
     * arrived, content-type and host among the signed headers — matches, for the known SecretId, within 15 minutes.
     */
    public static String checkTencent(
            String method, Headers h, URI uri, Map<String, String> fields, String body, String keyId, String secret) {
        if (!"POST".equals(method)) {
            return "UnsupportedProtocol";
        }
        if (!"SendSms".equals(h.getFirst("X-TC-Action"))) {
            return "InvalidAction";
        }
        if (h.getFirst("X-TC-Version") == null || h.getFirst("X-TC-Region") == null) {
            return "MissingParameter";
        }
        for (String p : List.of("SmsSdkAppId", "SignName", "TemplateId", "PhoneNumberSet")) {
            if (fields.getOrDefault(p, "").isEmpty()) {
                return "MissingParameter";
            }
        }
        if (!fields.containsKey("TemplateParamSet")) {
            return "MissingParameter";
        }
        String authorization = h.getFirst("Authorization");
        Matcher m = authorization == null ? null : TC3.matcher(authorization);
        if (m == null || !m.matches()) {
            return "AuthFailure.InvalidAuthorization";
        }
        if (!keyId.equals(m.group(1))) {
            return "AuthFailure.SecretIdNotFound";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(h.getFirst("X-TC-Timestamp"));
        } catch (RuntimeException e) {
            return "AuthFailure.InvalidAuthorization";
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > MAX_CLOCK_SKEW.toSeconds()) {
            return "AuthFailure.SignatureExpire";
        }
        String date = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(
                Instant.ofEpochSecond(timestamp).atOffset(java.time.ZoneOffset.UTC));
        if (!date.equals(m.group(2)) || !"sms".equals(m.group(3))) {
            return "AuthFailure.InvalidAuthorization";
        }
        List<String> signedHeaders = List.of(m.group(4).split(";"));
        if (!signedHeaders.contains("content-type") || !signedHeaders.contains("host")) {
            return "AuthFailure.InvalidAuthorization";
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = h.getFirst(name);
            if (value == null) {
                return "AuthFailure.InvalidAuthorization";
            }
            value = value.trim();
            if (name.equals("x-tc-action")) {
                value = value.toLowerCase(java.util.Locale.ROOT);
            }
            canonicalHeaders.append(name).append(':').append(value).append('\n');
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        String canonicalRequest = "POST\n" + (path == null || path.isEmpty() ? "/" : path) + "\n"
                + (query == null ? "" : query) + "\n" + canonicalHeaders + "\n" + m.group(4) + "\n" + sha256Hex(body);
        String stringToSign =
                "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/sms/tc3_request\n" + sha256Hex(canonicalRequest);
        byte[] key = hmac(("TC3" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, "sms");
        key = hmac(key, "tc3_request");
        if (!java.util.HexFormat.of().formatHex(hmac(key, stringToSign)).equals(m.group(5))) {
            return "AuthFailure.SignatureFailure";
        }
        return null;
    }

    // ---- shared ----

    /** RFC 3986: unreserved characters (A-Z a-z 0-9 - _ . ~) as they are, every other UTF-8 byte as %XX. */
    public static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    static String sha256Hex(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
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
