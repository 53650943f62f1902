package org.openysb.notification.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local SMS provider: accepts the signed form POST of the gateway adapter, checks it the way a provider does (access
 * key, HMAC-SHA256 signature recomputed here independently of the adapter, timestamp within 15 minutes, nonce never
 * reused) and records every attempt and every accepted message. Phones can be made to fail transiently (provider
 * down) or permanently (number refused).
 */
public final class SmsGatewayStub {
    /** One request as it reached the provider; {@code code} is what the provider answered. */
    public record Attempt(String phone, String content, String signName, Instant at, String code) {}

    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private final String accessKeyId;
    private final String accessKeySecret;
    private final HttpServer server;
    private final List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public SmsGatewayStub(String accessKeyId, String accessKeySecret) throws IOException {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    public void stop() {
        server.stop(0);
    }

    /** The provider fails (HTTP 503, isp.SYSTEM_ERROR) for this phone until {@link #recover}. */
    public void failFor(String phone) {
        down.add(phone);
    }

    public void recover(String phone) {
        down.remove(phone);
    }

    /** The provider refuses this phone for good (isv.MOBILE_NUMBER_ILLEGAL). */
    public void refuse(String phone) {
        refused.add(phone);
    }

    /** Every request for this phone, in arrival order. */
    public List<Attempt> attemptsFor(String phone) {
        return snapshot().stream().filter(a -> phone.equals(a.phone())).toList();
    }

    /** How many messages the provider accepted so far. */
    public long acceptedCount() {
        return accepted.get();
    }

    /** Forgets what was received (the benchmark, so that the record does not grow without bound). */
    public void clear() {
        attempts.clear();
        nonces.clear();
    }

    private List<Attempt> snapshot() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** Messages the provider accepted for this phone. */
    public List<Attempt> sentTo(String phone) {
        return attemptsFor(phone).stream().filter(a -> "OK".equals(a.code())).toList();
    }

    /** Requests refused for a wrong key, signature, timestamp or a replayed nonce (should never happen). */
    public List<Attempt> rejected() {
        return snapshot().stream()
                .filter(a -> a.code().startsWith("Signature")
                        || a.code().startsWith("InvalidTimeStamp")
                        || a.code().startsWith("InvalidAccessKeyId")
                        || a.code().startsWith("MissingParameter"))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = parseForm(body);
            String phone = params.getOrDefault("PhoneNumbers", "");
            String code = check(exchange, params);
            int status = 200;
            if (code == null) {
                if (refused.contains(phone)) {
                    code = "isv.MOBILE_NUMBER_ILLEGAL";
                    status = 400;
                } else if (down.contains(phone)) {
                    code = "isp.SYSTEM_ERROR";
                    status = 503;
                } else {
                    code = "OK";
                }
            } else {
                status = 400;
            }
            if ("OK".equals(code)) {
                accepted.incrementAndGet();
            }
            attempts.add(new Attempt(phone, params.get("Content"), params.get("SignName"), Instant.now(), code));
            String answer = "OK".equals(code)
                    ? "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + UUID.randomUUID() + "\"}"
                    : "{\"Code\":\"" + code + "\",\"Message\":\"stub refused: " + code + "\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** null when the request is well-formed and correctly signed, otherwise the provider's error code. */
    private String check(HttpExchange exchange, Map<String, String> params) {
        if (!"POST".equals(exchange.getRequestMethod())) {
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
        if (!accessKeyId.equals(params.get("AccessKeyId"))) {
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
        if (!expectedSignature(params).equals(params.get("Signature"))) {
            return "SignatureDoesNotMatch";
        }
        if (!nonces.add(params.get("SignatureNonce"))) {
            return "SignatureNonceUsed";
        }
        return null;
    }

    /** The provider's side of the signature: sorted, RFC 3986-encoded parameters, HMAC-SHA256, Base64. */
    private String expectedSignature(Map<String, String> params) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("Signature")) {
                canonical
                        .append(canonical.isEmpty() ? "" : "&")
                        .append(rfc3986(k))
                        .append('=')
                        .append(rfc3986(v));
            }
        });
        String toSign = "POST&" + rfc3986("/") + "&" + rfc3986(canonical.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unreserved characters (A-Z a-z 0-9 - _ . ~) as they are, every other UTF-8 byte as %XX. */
    static String rfc3986(String s) {
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

    private static Map<String, String> parseForm(String body) {
        Map<String, String> params = new TreeMap<>();
        List<String> pairs = new ArrayList<>(List.of(body.split("&")));
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
