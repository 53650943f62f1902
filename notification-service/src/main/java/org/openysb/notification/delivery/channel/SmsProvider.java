package org.openysb.notification.delivery.channel;

/**
 * One SMS provider's HTTP API ({@code notification.sms.provider}: {@code aliyun} or {@code tencent}). The
 * {@link SmsGateway} applies the length rule before and chooses the provider; an implementation signs the request the
 * provider's way, bounds the whole exchange by {@code notification.sms.timeout} and classifies the answer.
 */
public interface SmsProvider {
    /** The value of {@code notification.sms.provider} that selects this provider. */
    String name();

    /**
     * Hands {@code text} (already within the allowed segments, beginning with the signature 【…】) to the provider for
     * {@code mobile} (11 digits, mainland China); returns the provider's message id.
     *
     * @throws DeliveryException when the provider did not accept it; {@code permanent} when sending the same message
     *     again cannot succeed (bad number, blacklisted, refused template or account), otherwise it is retried
     */
    String send(String mobile, String text);
}
