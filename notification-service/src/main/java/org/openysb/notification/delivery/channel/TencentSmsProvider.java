package org.openysb.notification.delivery.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openysb.notification.config.NotificationConfig;

/**
 * Tencent-Cloud-style provider ({@code notification.sms.provider=tencent}): action {@code SendSms} as a JSON POST signed
 * with {@link Tc3Signature} (access-key-id = SecretId, access-key-secret = SecretKey), answered with
 * {@code {"Response":{"SendStatusList":[{"Code":"Ok","SerialNo":…}]}}} or {@code {"Response":{"Error":{"Code":…}}}}.
 *
 * <p>The provider puts the signature 【sign-name】 in front of the text itself, so the text is sent without it as the
 * single parameter of the configured template (its content is {@code {1}}); the phone sees the same text as with
 * the other provider.
 *
 * <p>Permanent (DEAD, not retried): {@code InvalidParameterValue.*}, {@code InvalidParameter.*},
 * {@code MissingParameter.*}, {@code UnauthorizedOperation.*}, {@code UnsupportedOperation.*} and the
 * {@code FailedOperation.*} codes about this number or this text (blacklisted or unparsable number, sensitive words,
 * template or signature not approved). Everything else is retried with backoff: {@code LimitExceeded.*} (throttled),
 * {@code InternalError.*}, {@code RequestLimitExceeded}, {@code AuthFailure.*} (a clock or key problem an operator
 * fixes), an exhausted SMS package, HTTP errors, unreadable answers and timeouts.
 */
@ApplicationScoped
public class TencentSmsProvider implements SmsProvider {
    static final String SERVICE = "sms";
    static final String ACTION = "SendSms";
    static final String VERSION = "2021-01-11";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Set<String> PERMANENT_PREFIXES = Set.of(
            "InvalidParameterValue.",
            "InvalidParameter.",
            "MissingParameter.",
            "UnauthorizedOperation.",
            "UnsupportedOperation.");
    private static final Set<String> PERMANENT_CODES = Set.of(
            "InvalidParameter",
            "InvalidParameterValue",
            "MissingParameter",
            "UnauthorizedOperation",
            "UnsupportedOperation",
            "FailedOperation.PhoneNumberInBlacklist",
            "FailedOperation.PhoneNumberOnBlacklist",
            "FailedOperation.PhoneNumberParseFail",
            "FailedOperation.ContainSensitiveWord",
            "FailedOperation.TemplateIncorrectOrUnapproved",
            "FailedOperation.SignatureIncorrectOrUnapproved",
            "FailedOperation.MissingTemplateToModify",
            "FailedOperation.MissingSignature");

    private final NotificationConfig.Sms config;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public TencentSmsProvider(NotificationConfig config, ObjectMapper json) {
        this(config.sms(), json);
    }

    public TencentSmsProvider(NotificationConfig.Sms config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = SmsHttp.client(config.timeout());
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public String send(String mobile, String text) {
        URI endpoint = URI.create(config.endpoint());
        String payload = payload(mobile, text);
        // the wall clock, not the injectable delivery clock: the provider rejects a timestamp off its own clock
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", CONTENT_TYPE);
        signed.put("Host", host(endpoint));
        signed.put("X-TC-Action", ACTION.toLowerCase(java.util.Locale.ROOT));
        String authorization = Tc3Signature.authorization(
                config.accessKeyId(),
                config.accessKeySecret(),
                SERVICE,
                timestamp,
                "POST",
                endpoint.getRawPath(),
                signed,
                payload);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(config.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("Authorization", authorization)
                .header("X-TC-Action", ACTION)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", String.valueOf(timestamp))
                .header("X-TC-Region", config.tencent().region())
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = SmsHttp.exchange(http, request, config.timeout());
        JsonNode answer;
        try {
            answer = json.readTree(response.body()).path("Response");
        } catch (IOException e) {
            throw new DeliveryException("SMS gateway answered " + response.statusCode() + " (not JSON)", false);
        }
        JsonNode error = answer.path("Error");
        if (!error.isMissingNode()) {
            String code = error.path("Code").asText(null);
            throw new DeliveryException(
                    "SMS gateway answered " + response.statusCode() + " " + code + " "
                            + error.path("Message").asText(""),
                    permanent(code));
        }
        JsonNode status = answer.path("SendStatusList").path(0);
        String code = status.path("Code").asText(null);
        if (response.statusCode() / 100 == 2 && "Ok".equalsIgnoreCase(code)) {
            return status.path("SerialNo").asText("");
        }
        throw new DeliveryException(
                "SMS gateway answered " + response.statusCode() + " " + code + " "
                        + status.path("Message").asText(""),
                permanent(code));
    }

    /** Whether the provider's error code means that the same message can never be accepted. */
    public static boolean permanent(String code) {
        if (code == null) {
            return false;
        }
        return PERMANENT_CODES.contains(code) || PERMANENT_PREFIXES.stream().anyMatch(code::startsWith);
    }

    private String payload(String mobile, String text) {
        String signature = "【" + config.signName() + "】";
        String body = text.startsWith(signature) ? text.substring(signature.length()) : text;
        ObjectNode p = json.createObjectNode();
        p.putArray("PhoneNumberSet").add(mobile.startsWith("+") ? mobile : "+86" + mobile);
        p.put("SmsSdkAppId", config.tencent().sdkAppId());
        p.put("SignName", config.signName());
        p.put("TemplateId", config.tencent().templateId());
        p.putArray("TemplateParamSet").add(body);
        try {
            return json.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Host header as the JDK client sends it: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        return port == -1 || port == (https ? 443 : 80) ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
