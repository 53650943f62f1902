package org.openysb.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** complaint-intake settings; every number here is a default an administrator may change. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {
    Crypto crypto();

    Hotline hotline();

    Repeats repeats();

    Tracking tracking();

    Letters letters();

    Submissions submissions();

    Web web();

    TrackingLink trackingLink();

    Open311 open311();

    /** The Open311 GeoReport v2 façade ({@code /open311/v2}). */
    interface Open311 {
        /** Most requests one page of Get Service Requests holds, and its page size when none is asked for. */
        @WithDefault("1000")
        int maxPageSize();

        /** Get Service Requests without dates: this far back from now; also the widest window a query may ask for. */
        @WithDefault("P90D")
        Duration window();

        /** Discovery's {@code contact}: whom a client's developer may ask. */
        @WithDefault("营商环境投诉受理：拨打 12345 政务服务便民热线 (for help call the 12345 government service hotline)")
        String contact();

        /** Discovery's {@code changeset}: when this API last changed (W3C date-time). */
        @WithDefault("2026-12-07T00:00:00Z")
        java.time.OffsetDateTime changeset();

        /** Discovery's endpoint {@code type}: production or test. */
        @WithDefault("production")
        String endpointType();

        /** The v2 endpoint's public URL (e.g. https://ysb.example.gov.cn/open311/v2); else from the request. */
        java.util.Optional<String> endpointUrl();
    }

    /** Complaints filed on the web (网上投诉). */
    interface Web {
        MobileVerification mobileVerification();
    }

    /**
     * Mobile verification (手机号验证): a complaint that gives a mobile carries the token notification-service issued
     * after a correct SMS code, {@code <expiryEpochSeconds>.<hex>} with hex the first 32 hex digits of
     * HMAC-SHA256(secret, "mobile-verified:" + mobile + ":" + expiry).
     */
    interface MobileVerification {
        /** The secret shared with notification-service ({@code MOBILE_VERIFICATION_SECRET}). */
        String secret();

        /** Whether a web complaint that gives a mobile must carry a valid token. */
        @WithDefault("true")
        boolean required();
    }

    /**
     * Tracking links (进度查询链接) made by notification-service: {@code <expiryEpochSeconds>.<hex>} with hex the first
     * 32 hex digits of HMAC-SHA256(secret, "track:" + caseNumber + ":" + expiry).
     */
    interface TrackingLink {
        /** The secret shared with notification-service ({@code TRACKING_LINK_SECRET}). */
        String secret();
    }

    /**
     * Web submissions are written in batches: whatever arrived while the previous batch was being written goes into
     * one transaction (one commit, one flush of the write-ahead log) and every complainant is answered after it.
     */
    interface Submissions {
        /** Most complaints one transaction writes. */
        @WithDefault("128")
        int maxBatch();

        /** Most complaints waiting for a batch; beyond it a submission is answered 503 at once (nothing stored). */
        @WithDefault("4000")
        int queueCapacity();

        /**
         * Most bytes of attachments that web complaints waiting for their batch may hold in memory together; beyond it
         * a complaint with attachments is answered 503 at once (nothing stored).
         */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize maxWaitingAttachments();
    }

    interface Crypto {
        /**
         * AES key, base64 (16, 24 or 32 bytes; 32 recommended). In production only from the environment variable
         * {@code INTAKE_CRYPTO_KEY}: without it the service does not start, and the local-development key is refused.
         */
        String key();
    }

    interface Hotline {
        /** Most rows one batch import may carry (a day's work orders). */
        @WithDefault("20000")
        int batchMaxRows();
    }

    /** Repeat detection (并单). */
    interface Repeats {
        /** How far back earlier cases are looked at. */
        @WithDefault("P30D")
        Duration window();

        /** Similarity (character-bigram Jaccard, 0–1) above which the same complainant's case is a repeat. */
        @WithDefault("0.35")
        double sameComplainantThreshold();

        /** Similarity above which anyone's case in the same district is a repeat (near-duplicate text). */
        @WithDefault("0.6")
        double sameDistrictThreshold();

        /** Most earlier cases compared per new complaint (newest first). */
        @WithDefault("500")
        int maxCandidates();

        /**
         * How much further back than the window the repeat index ({@code RepeatIndex}) holds cases: a complaint
         * received that much before now (a call time, a postmark) still finds its candidates there; one received
         * earlier is compared with the district's newest cases from the database instead.
         */
        @WithDefault("P10D")
        Duration indexMargin();

        /**
         * How often the repeat index reads the cases other instances stored, as the scheduler reads it ({@code 1s};
         * {@code off} stops it — a single instance adds its own cases as it commits them).
         */
        @WithDefault("1s")
        String indexRefresh();

        /**
         * Earlier cases whose comparison data (bigrams, district, time, complainant hash, repeat link — never personal
         * data in clear) the submission writer keeps in memory, earliest learnt dropped first, so that a case that
         * shares a key with many new complaints is read from the database once. About 1 KiB each; without a value,
         * as many as fit in a quarter of the heap (262,000 in 1 GiB). Keep it above the cases of a window: once they do
         * not fit, the writer reads and cuts into bigrams again the cases it dropped (at 70,000–100,000 stored cases
         * in the benchmark, 50,000 known cases gave 700–800 complaints/s, 200,000 gave 1,166–1,596).
         */
        java.util.OptionalInt knownCases();
    }

    /** Letters (信): scanned pages as attachments. */
    interface Letters {
        /** Largest single scanned file. */
        @WithDefault("5M")
        io.quarkus.runtime.configuration.MemorySize maxFileSize();

        /** Largest total of one letter's files (at most quarkus.http.limits.max-body-size). */
        @WithDefault("15M")
        io.quarkus.runtime.configuration.MemorySize maxTotalSize();

        /** Most files one letter may carry. */
        @WithDefault("20")
        int maxFiles();
    }

    /** Public tracking with the query code. */
    interface Tracking {
        /** Wrong query codes one client may send within {@link #wrongCodeWindow()} before it gets 429. */
        @WithDefault("10")
        int maxWrongCodes();

        @WithDefault("PT15M")
        Duration wrongCodeWindow();
    }
}
