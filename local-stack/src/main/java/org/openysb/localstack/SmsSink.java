package org.openysb.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local stack's SMS provider, for either provider of notification-service ({@code notification.sms.provider}) on
 * the same {@code /sms}: aliyun, a signed form POST checked the way a Chinese SMS provider does (access key,
 * HMAC-SHA256 signature over the sorted RFC 3986-encoded parameters, timestamp within 15 minutes, nonce used once),
 * answered {@code {"Code":"OK","BizId":…}}; tencent, a JSON POST with {@code X-TC-Action: SendSms} and a
 * {@code TC3-HMAC-SHA256} Authorization (SecretId = the key id, signature over the canonical request with the derived
 * key chain, timestamp within 15 minutes), answered {@code {"Response":{"SendStatusList":[{"Code":"Ok",…}]}}}. It
 * appends one JSON line per request to {@code <data dir>/sinks/sms.log}: accepted messages with phone and text,
 * refused requests with the provider's error code. Nothing is sent to any phone.
 */
public final class SmsSink implements AutoCloseable {
    static {
        // answer at once: without TCP_NODELAY the response body waits for the client's delayed ACK (~40 ms a request);
        // read once, when the JDK's HTTP server is first used
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The local-development credentials, the defaults of notification-service (notification.sms.*). */
    public static final String LOCAL_KEY_ID = "local-dev-sms-key";

    public static final String LOCAL_KEY_SECRET = "local-dev-sms-secret";

    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private final String keyId;
    private final String secret;
    private final Path log;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** Starts the gateway on 127.0.0.1:{@code port} (0: any free port), logging to {@code log}. */
    public SmsSink(int port, Path log, String keyId, String secret) throws IOException {
        this.keyId = keyId;
        this.secret = secret;
        this.log = log;
        Files.createDirectories(log.getParent());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/sms", this::handle);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sms-sink");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port() + "/sms";
    }

    public Path log() {
        return log;
    }

    public long accepted() {
        return accepted.get();
    }

    public long refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestHeaders().getFirst("X-TC-Action") != null) {
                handleTencent(exchange, body);
                return;
            }
            Map<String, String> params = parse(body);
            String code = "POST".equals(exchange.getRequestMethod()) ? check(params) : "MissingParameter.Method";
            boolean ok = code == null;
            if (ok) {
                code = "OK";
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
            append(params, code);
            String answer = ok
                    ? "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + UUID.randomUUID() + "\"}"
                    : "{\"Code\":\"" + code + "\",\"Message\":\"local SMS sink refused: " + code + "\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(ok ? 200 : 400, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void append(Map<String, String> params, String code) throws IOException {
        append(code, params.get("PhoneNumbers"), params.get("SignName"), params.get("Content"), null);
    }

    private synchronized void append(String code, String phone, String signName, String content, String provider)
            throws IOException {
        String line = "{\"at\":\"" + OffsetDateTime.now() + "\",\"code\":" + json(code)
                + (provider == null ? "" : ",\"provider\":" + json(provider)) + ",\"phone\":" + json(phone)
                + ",\"signName\":" + json(signName) + ",\"content\":" + json(content) + "}\n";
        Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** null when well-formed and correctly signed, otherwise the provider's error code. */
    private String check(Map<String, String> params) {
        for (String p : new String[] {
            "Action",
            "AccessKeyId",
            "PhoneNumbers",
            "SignName",
            "Content",
            "SignatureMethod",
            "SignatureNonce",
            "Timestamp",
            "Signature"
        }) {
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
        try {
            Instant t = Instant.parse(params.get("Timestamp"));
            if (Duration.between(t, Instant.now()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
                return "InvalidTimeStamp.Expired";
            }
        } catch (RuntimeException e) {
            return "InvalidTimeStamp.Format";
        }
        if (!sign(params, secret).equals(params.get("Signature"))) {
            return "SignatureDoesNotMatch";
        }
        if (!nonces.add(params.get("SignatureNonce"))) {
            return "SignatureNonceUsed";
        }
        return null;
    }

    /** Base64(HMAC-SHA256(secret, "POST&%2F&" + encode(sorted encoded k=v joined by &))), Signature excluded. */
    static String sign(Map<String, String> params, String secret) {
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- tencent: JSON body, TC3-HMAC-SHA256 ----

    private static final java.util.regex.Pattern TC3 =
            java.util.regex.Pattern.compile("TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/sms/tc3_request,"
                    + " ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private void handleTencent(HttpExchange exchange, String body) throws IOException {
        Map<String, String> fields = jsonStrings(body);
        String e164 = fields.getOrDefault("PhoneNumberSet", "");
        String phone = e164.startsWith("+86") ? e164.substring(3) : e164;
        String signName = fields.get("SignName");
        String param = fields.get("TemplateParamSet");
        String code = "POST".equals(exchange.getRequestMethod())
                ? checkTencent(exchange, fields, body)
                : "UnsupportedProtocol";
        boolean ok = code == null;
        if (ok) {
            accepted.incrementAndGet();
        } else {
            refused.incrementAndGet();
        }
        append(ok ? "OK" : code, phone, signName, param == null ? null : "【" + signName + "】" + param, "tencent");
        String requestId = UUID.randomUUID().toString();
        String answer = ok
                ? "{\"Response\":{\"SendStatusList\":[{\"SerialNo\":\"" + UUID.randomUUID() + "\",\"PhoneNumber\":"
                        + json(e164) + ",\"Fee\":1,\"Code\":\"Ok\",\"Message\":\"send success\",\"IsoCode\":\"CN\"}],"
                        + "\"RequestId\":\"" + requestId + "\"}}"
                : "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"local SMS sink refused: " + code
                        + "\"},\"RequestId\":\"" + requestId + "\"}}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** null when well-formed and correctly signed (TC3-HMAC-SHA256), otherwise the provider's error code. */
    private String checkTencent(HttpExchange exchange, Map<String, String> fields, String body) {
        com.sun.net.httpserver.Headers h = exchange.getRequestHeaders();
        if (!"SendSms".equals(h.getFirst("X-TC-Action"))) {
            return "InvalidAction";
        }
        for (String p : new String[] {"PhoneNumberSet", "SmsSdkAppId", "SignName", "TemplateId", "TemplateParamSet"}) {
            if (fields.get(p) == null || fields.get(p).isEmpty()) {
                return "MissingParameter";
            }
        }
        String authorization = h.getFirst("Authorization");
        java.util.regex.Matcher m = authorization == null ? null : TC3.matcher(authorization);
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
        if (!date.equals(m.group(2))) {
            return "AuthFailure.InvalidAuthorization";
        }
        StringBuilder headers = new StringBuilder();
        for (String name : m.group(3).split(";")) {
            String value = h.getFirst(name);
            if (value == null) {
                return "AuthFailure.InvalidAuthorization";
            }
            value = value.trim();
            headers.append(name)
                    .append(':')
                    .append(name.equals("x-tc-action") ? value.toLowerCase(java.util.Locale.ROOT) : value)
                    .append('\n');
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String canonical = "POST\n" + (path == null || path.isEmpty() ? "/" : path) + "\n"
                + (query == null ? "" : query) + "\n" + headers + "\n" + m.group(3) + "\n" + sha256Hex(body);
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/sms/tc3_request\n" + sha256Hex(canonical);
        byte[] key = hmac(("TC3" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, "sms");
        key = hmac(key, "tc3_request");
        if (!java.util.HexFormat.of().formatHex(hmac(key, toSign)).equals(m.group(4))) {
            return "AuthFailure.SignatureFailure";
        }
        return null;
    }

    /** The string fields of the SendSms body (of a string array: its first element). */
    static Map<String, String> jsonStrings(String body) {
        Map<String, String> fields = new TreeMap<>();
        try {
            JSON.readTree(body).properties().forEach(e -> {
                com.fasterxml.jackson.databind.JsonNode v =
                        e.getValue().isArray() ? e.getValue().path(0) : e.getValue();
                if (v.isTextual()) {
                    fields.put(e.getKey(), v.asText());
                }
            });
        } catch (IOException | RuntimeException e) {
            // not JSON: every field is missing
        }
        return fields;
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

    /** RFC 3986: unreserved characters as they are, every other UTF-8 byte as %XX. */
    static String encode(String s) {
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

    private static Map<String, String> parse(String body) {
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

    private static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
