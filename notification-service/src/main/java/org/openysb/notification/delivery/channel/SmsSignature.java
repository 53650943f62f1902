package org.openysb.notification.delivery.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The request signature of the SMS gateway, the way Chinese SMS providers sign (Aliyun's RPC style, with HMAC-SHA256):
 * every parameter but {@code Signature}, timestamp and nonce included, sorted by name, percent-encoded (RFC 3986) and
 * joined as {@code k=v&…}; the string to sign is {@code POST&%2F&} + the percent-encoded canonical query; the signature
 * is Base64(HMAC-SHA256(secret, string to sign)).
 */
public final class SmsSignature {
    private SmsSignature() {}

    public static String canonicalQuery(Map<String, String> params) {
        return new TreeMap<>(params)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("Signature"))
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    public static String sign(String method, Map<String, String> params, String secret) {
        String toSign = method + "&" + encode("/") + "&" + encode(canonicalQuery(params));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-encoding: spaces as %20, '*' encoded, '~' kept. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
