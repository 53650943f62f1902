package org.openysb.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.model.SmsText;

/**
 * Adapter to an SMS provider's HTTP API: a signed form POST ({@link SmsSignature}) answered with
 * {@code {"Code":"OK","BizId":…}}. Any other code is a failure; {@code isv.*} codes (bad number, bad template, too long)
 * are permanent, the rest (throttling, provider errors, timeouts) are retried.
 */
@ApplicationScoped
public class SmsGateway {
    private final NotificationConfig.Sms config;
    private final ObjectMapper json;
    private final HttpClient http;

    public SmsGateway(NotificationConfig config, ObjectMapper json) {
        this.config = config.sms();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.config.timeout())
                .build();
    }

    /** Sends {@code text} to {@code mobile}; returns the provider's message id. */
    public String send(String mobile, String text) {
        if (SmsText.segments(text) > config.maxSegments()) {
            throw new DeliveryException("SMS longer than " + config.maxSegments() + " segments", true);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "SendSms");
        params.put("AccessKeyId", config.accessKeyId());
        params.put("PhoneNumbers", mobile);
        params.put("SignName", config.signName());
        params.put("Content", text);
        params.put("SignatureMethod", "HMAC-SHA256");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        // the wall clock, not the injectable delivery clock: the provider rejects a timestamp that is off its own clock
        params.put(
                "Timestamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        params.put("Signature", SmsSignature.sign("POST", params, config.accessKeySecret()));
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(SmsSignature.encode(k))
                .append('=')
                .append(SmsSignature.encode(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.endpoint()))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        // a hard bound on the whole exchange, whatever the client does: a hung request must never stall the dispatcher
        java.util.concurrent.CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            response = exchange.get(config.timeout().toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new DeliveryException("SMS gateway unreachable: " + e.getCause(), false);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new DeliveryException("SMS gateway did not answer within " + config.timeout(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false);
        }
        String code = null;
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
            code = body.path("Code").asText(null);
        } catch (IOException e) {
            // not JSON: handled below by the status
        }
        if (response.statusCode() / 100 == 2 && "OK".equals(code)) {
            return body.path("BizId").asText("");
        }
        String message = body == null ? "" : body.path("Message").asText("");
        throw new DeliveryException(
                "SMS gateway answered " + response.statusCode() + " " + code + " " + message,
                code != null && code.startsWith("isv."));
    }
}
