package org.openysb.notification.delivery.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.delivery.model.SmsText;

/**
 * Hands an SMS to the provider chosen by {@code notification.sms.provider} ({@link AliyunSmsProvider} by default, or
 * {@link TencentSmsProvider}), after the length rule: a text longer than {@code notification.sms.max-segments}
 * segments is refused for good, whatever the provider. Each provider bounds its exchange by
 * {@code notification.sms.timeout}.
 */
@ApplicationScoped
public class SmsGateway {
    private final NotificationConfig.Sms config;
    private final SmsProvider provider;

    @Inject
    public SmsGateway(NotificationConfig config, AliyunSmsProvider aliyun, TencentSmsProvider tencent) {
        this(config.sms(), config.sms().provider() == NotificationConfig.Sms.Provider.TENCENT ? tencent : aliyun);
    }

    public SmsGateway(NotificationConfig.Sms config, SmsProvider provider) {
        this.config = config;
        this.provider = provider;
    }

    /** The provider in use ({@code aliyun} or {@code tencent}). */
    public String provider() {
        return provider.name();
    }

    /** Sends {@code text} to {@code mobile}; returns the provider's message id. */
    public String send(String mobile, String text) {
        if (SmsText.segments(text) > config.maxSegments()) {
            throw new DeliveryException("SMS longer than " + config.maxSegments() + " segments", true);
        }
        return provider.send(mobile, text);
    }
}
