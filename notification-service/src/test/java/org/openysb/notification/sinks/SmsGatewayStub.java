package org.openysb.notification.sinks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.openysb.localstack.SmsRequests;

/**
 * A local SMS provider speaking both protocols of the gateway adapter on the same endpoint, checked the way a provider
 * does, independently of the adapter's code:
 *
 * <ul>
 *   <li>aliyun (a form POST): access key, HMAC-SHA256 signature over the sorted parameters, timestamp within 15
 *       minutes, nonce never reused; answers {@code {"Code":"OK","BizId":…}};
 *   <li>tencent (a JSON POST with {@code X-TC-Action: SendSms}): the {@code TC3-HMAC-SHA256} Authorization (SecretId,
 *       credential scope, signed headers, signature over the canonical request with the derived key chain), timestamp
 *       within 15 minutes; answers {@code {"Response":{"SendStatusList":[{"Code":"Ok",…}]}}} or
 *       {@code {"Response":{"Error":{…}}}}.
 * </ul>
 *
 * It records every attempt and every accepted message. Phones can be made to fail transiently (provider down),
 * permanently (number refused), with a given provider error code, or to answer late.
 */
public final class SmsGatewayStub {
    static {
        // answer at once: without TCP_NODELAY the response body waits for the client's delayed ACK (~40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * One request as it reached the provider; {@code code} is what the provider answered ({@code OK} when accepted,
     * whichever the protocol); {@code provider}: aliyun or tencent; {@code content}: the text as the phone shows it.
     */
    public record Attempt(String phone, String content, String signName, Instant at, String code, String provider) {}

    private final String accessKeyId;
    private final String accessKeySecret;
    private final HttpServer server;
    private final List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public SmsGatewayStub(String accessKeyId, String accessKeySecret) throws IOException {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "sms-stub");
            t.setDaemon(true);
            return t;
        }));
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
        errors.remove(phone);
        delays.remove(phone);
    }

    /** The provider refuses this phone for good (aliyun isv.MOBILE_NUMBER_ILLEGAL, tencent PhoneNumberInBlacklist). */
    public void refuse(String phone) {
        refused.add(phone);
    }

    /**
     * The provider answers this error code for this phone (tencent: {@code InvalidParameterValue.*},
     * {@code UnauthorizedOperation.*}, {@code InternalError.*} as a request error, other codes in the phone's send
     * status; aliyun: as {@code Code}) until {@link #recover}.
     */
    public void failWith(String phone, String code) {
        errors.put(phone, code);
    }

    /** The provider answers requests for this phone only after {@code delay} (a hung provider) until {@link #recover}. */
    public void delay(String phone, Duration delay) {
        delays.put(phone, delay);
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
                        || a.code().startsWith("MissingParameter")
                        || a.code().startsWith("AuthFailure"))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestHeaders().getFirst("X-TC-Action") != null) {
                handleTencent(exchange, body);
                return;
            }
            Map<String, String> params = SmsRequests.form(body);
            String phone = params.getOrDefault("PhoneNumbers", "");
            String code =
                    SmsRequests.checkAliyun(exchange.getRequestMethod(), params, accessKeyId, accessKeySecret, nonces);
            int status = 200;
            if (code == null) {
                pause(phone);
                if (refused.contains(phone)) {
                    code = "isv.MOBILE_NUMBER_ILLEGAL";
                    status = 400;
                } else if (errors.containsKey(phone)) {
                    code = errors.get(phone);
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
            attempts.add(
                    new Attempt(phone, params.get("Content"), params.get("SignName"), Instant.now(), code, "aliyun"));
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

    private void pause(String phone) {
        Duration d = delays.get(phone);
        if (d != null) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- tencent: JSON, TC3-HMAC-SHA256 ----

    private void handleTencent(HttpExchange exchange, String body) throws IOException {
        com.fasterxml.jackson.databind.JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            request = json.createObjectNode();
        }
        String e164 = request.path("PhoneNumberSet").path(0).asText("");
        String phone = e164.startsWith("+86") ? e164.substring(3) : e164;
        String signName = request.path("SignName").asText(null);
        String param = request.path("TemplateParamSet").path(0).asText(null);
        String content = param == null ? null : "【" + signName + "】" + param;
        String code = SmsRequests.checkTencent(
                exchange.getRequestMethod(),
                exchange.getRequestHeaders(),
                exchange.getRequestURI(),
                SmsRequests.jsonStrings(body),
                body,
                accessKeyId,
                accessKeySecret);
        boolean requestError = code != null;
        if (code == null) {
            pause(phone);
            if (refused.contains(phone)) {
                code = "FailedOperation.PhoneNumberInBlacklist";
            } else if (errors.containsKey(phone)) {
                code = errors.get(phone);
                requestError = code.startsWith("InvalidParameter")
                        || code.startsWith("UnauthorizedOperation")
                        || code.startsWith("InternalError")
                        || code.startsWith("AuthFailure");
            } else if (down.contains(phone)) {
                code = "InternalError.Timeout";
                requestError = true;
            } else {
                code = "Ok";
            }
        }
        boolean ok = "Ok".equals(code);
        if (ok) {
            accepted.incrementAndGet();
        }
        attempts.add(new Attempt(phone, content, signName, Instant.now(), ok ? "OK" : code, "tencent"));
        String requestId = UUID.randomUUID().toString();
        String answer = requestError
                ? "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"stub refused: " + code
                        + "\"},\"RequestId\":\"" + requestId + "\"}}"
                : "{\"Response\":{\"SendStatusList\":[{\"SerialNo\":\"" + UUID.randomUUID()
                        + "\",\"PhoneNumber\":\"" + e164 + "\",\"Fee\":1,\"SessionContext\":\"\",\"Code\":\""
                        + code + "\",\"Message\":\"" + (ok ? "send success" : "stub refused: " + code)
                        + "\",\"IsoCode\":\"CN\"}],\"RequestId\":\"" + requestId + "\"}}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length); // the provider answers 200 with an Error for a bad request
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
