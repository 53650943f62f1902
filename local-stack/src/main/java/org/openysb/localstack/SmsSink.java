package org.openysb.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

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
            Map<String, String> params = SmsRequests.form(body);
            String code = SmsRequests.checkAliyun(exchange.getRequestMethod(), params, keyId, secret, nonces);
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

    // ---- tencent: JSON body, TC3-HMAC-SHA256 ----

    private void handleTencent(HttpExchange exchange, String body) throws IOException {
        Map<String, String> fields = SmsRequests.jsonStrings(body);
        String e164 = fields.getOrDefault("PhoneNumberSet", "");
        String phone = e164.startsWith("+86") ? e164.substring(3) : e164;
        String signName = fields.get("SignName");
        String param = fields.get("TemplateParamSet");
        String code = SmsRequests.checkTencent(
                exchange.getRequestMethod(),
                exchange.getRequestHeaders(),
                exchange.getRequestURI(),
                fields,
                body,
                keyId,
                secret);
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
