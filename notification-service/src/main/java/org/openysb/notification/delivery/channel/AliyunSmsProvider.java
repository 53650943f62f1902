package org.openysb.notification.delivery.channel;

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
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openysb.notification.config.NotificationConfig;

/**
 * Aliyun-style provider ({@code notification.sms.provider=aliyun}, the default): a signed form POST
 * ({@link SmsSignature}) answered with {@code {"Code":"OK","BizId":…}}. Any other code is a failure; {@code isv.*} codes
 * (bad number, bad template, too long) are permanent, the rest (throttling, provider errors, timeouts) are retried.
 */
@ApplicationScoped
public class AliyunSmsProvider implements SmsProvider {
    private final NotificationConfig.Sms config;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public AliyunSmsProvider(NotificationConfig config, ObjectMapper json) {
        this(config.sms(), json);
    }

    public AliyunSmsProvider(NotificationConfig.Sms config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = SmsHttp.client(config.timeout());
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public String send(String mobile, String text) {
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
        HttpResponse<String> response = SmsHttp.exchange(http, request, config.timeout());
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
                "SMS gateway answered " + response.statusCode() + " " + code + " " + message, permanent(code));
    }

    /** {@code isv.*}: the request itself is wrong (number, template, signature name, length); retrying cannot help. */
    public static boolean permanent(String code) {
        return code != null && code.startsWith("isv.");
    }
}
