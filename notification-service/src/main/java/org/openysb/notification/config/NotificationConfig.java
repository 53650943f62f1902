package org.openysb.notification.config;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an operator may tune about delivery. Defaults are documented in application.properties. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {
    Delivery delivery();

    Sms sms();

    Mail mail();

    QuietHoursConfig quietHours();

    Contacts contacts();

    Templates templates();

    interface Templates {
        /** How long a compiled template is cached before the version in force is read again (other instances' saves). */
        @WithDefault("PT10S")
        Duration cacheTtl();
    }

    interface Delivery {
        /** How often the dispatcher looks for due messages (read by {@code @Scheduled} of DeliveryScheduler). */
        @WithDefault("2s")
        String every();

        /** How long after start the dispatcher first runs (read by {@code @Scheduled} of DeliveryScheduler). */
        @WithDefault("2s")
        String delay();

        /** Rows claimed per dispatcher run (one transaction). */
        @WithDefault("1500")
        int batchSize();

        /**
         * Hand-overs of a batch start only within this time of the batch's start; the rest stay due, untouched, for
         * the next run (nothing sent twice, nothing lost). Keeps the batch's transaction (600 s) well clear of its limit
         * when a provider answers slowly or hangs until its timeout, whatever the batch size.
         */
        @WithDefault("PT2M")
        java.time.Duration batchTimeBudget();

        /** Messages of one batch sent at the same time (SMTP connections and SMS requests in flight). */
        @WithDefault("16")
        int parallelism();

        /** Attempts before a message is DEAD. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles after each further failure. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** Share of the backoff that is randomly taken off (0 = none, 1 = full jitter). */
        @WithDefault("0.5")
        double jitter();
    }

    interface Mail {
        /**
         * How long one hand-over to the SMTP server may take before it counts as a failed attempt (retried with
         * backoff). Keeps a hung connection from stalling a batch.
         */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Sms {
        /** Which provider's API the gateway speaks: ALIYUN (signed form POST) or TENCENT (JSON, TC3-HMAC-SHA256). */
        @WithDefault("aliyun")
        Provider provider();

        enum Provider {
            ALIYUN,
            TENCENT
        }

        /** The provider's send URL (aliyun: a signed form POST; tencent: a JSON POST with a TC3 Authorization). */
        String endpoint();

        /** aliyun: AccessKeyId; tencent: SecretId. */
        String accessKeyId();

        /** aliyun: AccessKeySecret; tencent: SecretKey. */
        String accessKeySecret();

        /** What only the tencent provider needs. */
        Tencent tencent();

        interface Tencent {
            /** SmsSdkAppId of the SMS application. */
            String sdkAppId();

            /** The approved template whose content is the single parameter {1} (the rendered text). */
            String templateId();

            /** X-TC-Region. */
            @WithDefault("ap-guangzhou")
            String region();
        }

        /** The registered signature, e.g. 【营商环境投诉】, already part of every template. */
        @WithDefault("营商环境投诉")
        String signName();

        /** Segments a message may use (70 characters in one, 67 per segment when concatenated). */
        @WithDefault("3")
        int maxSegments();

        /** TRIM: cut to the allowed segments with "…"; REFUSE: record the message as DEAD, send nothing. */
        @WithDefault("TRIM")
        String overflow();

        @WithDefault("PT5S")
        Duration timeout();
    }

    interface QuietHoursConfig {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("22:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();

        @WithDefault("Asia/Shanghai")
        String zone();
    }

    interface Contacts {
        /** Send complaint-intake a client-credentials token (openysb-notifier); off only in tests against a stub. */
        @WithDefault("true")
        boolean tokenEnabled();

        /**
         * Link of the follow-up (回访) page of supervision-service; the case number and {@code ?token=} are appended.
         */
        @WithDefault("http://127.0.0.1:8083/api/follow-ups/")
        String followUpLink();

        /**
         * Secret shared with supervision-service ({@code supervision.follow-up.secret}): the link's token is
         * HMAC-SHA256("follow-up:" + case number), hex, first 32 characters, which supervision checks.
         */
        String followUpSecret();
    }
}
