package org.openysb.notification.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

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

    Verification verification();

    /** 手机号验证: SMS codes and the token that proves a number was verified (checked by complaint-intake). */
    interface Verification {
        /** How long a code may be entered. */
        @WithDefault("PT5M")
        Duration codeValidity();

        /** Tries per code; the last wrong one uses the code up. */
        @WithDefault("5")
        int maxAttempts();

        /** The shortest time between two codes to one number. */
        @WithDefault("PT60S")
        Duration resendInterval();

        /** The sliding window of the per-number and per-address limits below. */
        @WithDefault("PT1H")
        Duration window();

        /** Codes one number may be sent within the window. */
        @WithDefault("5")
        int maxPerNumber();

        /** Codes one client address may ask for within the window (whatever the numbers). */
        @WithDefault("20")
        int maxPerClient();

        /** Codes sent to one number within 24 hours, whoever asks: no number is flooded all day. */
        @WithDefault("10")
        int maxPerNumberPerDay();

        /**
         * Secret shared with complaint-intake: the token is {@code <expiry>.<hex>}, hex the first 32 characters of
         * HMAC-SHA256(secret, "mobile-verified:" + mobile + ":" + expiry). Also keys the hashes of stored codes,
         * numbers and addresses.
         */
        String tokenSecret();

        /** How long the token proves the number after a correct code. */
        @WithDefault("PT30M")
        Duration tokenValidity();

        /** Rows older than this are deleted (must exceed the window and the day of the daily limit). */
        @WithDefault("P2D")
        Duration retention();
    }

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

        /**
         * Messages whose SMS quiet hours never hold back, by the message's name (the template key without its part:
         * {@code receipt} for {@code receipt.sms}): those that answer what the complainant did a moment ago. By default
         * the receipt, so that a complaint filed at 22:30 gets its case number and tracking link at once; replies,
         * reminders and the other messages the system starts wait for the end of quiet hours. Empty: none.
         */
        @WithDefault("receipt")
        Optional<Set<String>> exemptTemplates();
    }

    interface Contacts {
        /** Send complaint-intake a client-credentials token (openysb-notifier); off only in tests against a stub. */
        @WithDefault("true")
        boolean tokenEnabled();

        /** The portal's public address (the web module), the base of the links in SMS and emails. */
        @WithDefault("http://127.0.0.1:8080")
        String portalUrl();

        /**
         * Link of the portal's follow-up (回访评价) page; the case number and {@code ?token=} are appended. Defaults to
         * {@code <portal-url>/rate/}.
         */
        String followUpLink();

        /**
         * Secret shared with supervision-service ({@code supervision.follow-up.secret}): the link's token is
         * HMAC-SHA256("follow-up:" + case number), hex, first 32 characters, which supervision checks.
         */
        String followUpSecret();

        /**
         * Secret shared with complaint-intake for the tracking link {@code <portal-url>/track/<case>?token=}: the token
         * is {@code <expiry>.<hex>}, hex the first 32 characters of HMAC-SHA256(secret, "track:" + case + ":" + expiry).
         */
        String trackingLinkSecret();

        /** How long the tracking link works, from the receipt. */
        @WithDefault("P180D")
        Duration trackingLinkValidity();
    }
}
