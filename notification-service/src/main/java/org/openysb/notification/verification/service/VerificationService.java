package org.openysb.notification.verification.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.delivery.channel.SmsGateway;
import org.openysb.notification.delivery.model.Notification;
import org.openysb.notification.delivery.repository.NotificationRepository;
import org.openysb.notification.delivery.service.DeliveryService;
import org.openysb.notification.templates.model.TemplateCatalog;
import org.openysb.notification.templates.service.TemplateService;
import org.openysb.notification.verification.model.MobileVerification;
import org.openysb.notification.verification.model.MobileVerification.Outcome;
import org.openysb.notification.verification.model.RequestLimit;
import org.openysb.notification.verification.model.SignedToken;
import org.openysb.notification.verification.repository.VerificationRepository;

/**
 * 手机号验证: sends a 6-digit code by SMS at once (not through the dispatcher: the user is waiting) and, for the right
 * code, gives the token that complaint-intake checks. The limits hold across instances (rows, counted under a lock per
 * number). The delivery log keeps the SMS with the code masked.
 */
@ApplicationScoped
public class VerificationService {
    private static final Logger LOG = Logger.getLogger(VerificationService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_LENGTH = 6;
    private static final String TEMPLATE = TemplateCatalog.VERIFICATION_CODE + ".sms";

    /** What the caller learns when the code went out. */
    public record CodeSent(OffsetDateTime expiresAt, long resendAfterSeconds, int codeLength) {}

    /** The proof that the number was verified, for complaint-intake. */
    public record NumberVerified(String token, OffsetDateTime expiresAt) {}

    private final VerificationRepository verifications;
    private final NotificationRepository deliveryLog;
    private final TemplateService templates;
    private final SmsGateway sms;
    private final Clock clock;
    private final NotificationConfig.Verification config;
    private static final Duration DAY = Duration.ofDays(1);

    private final RequestLimit perNumber;
    private final RequestLimit perNumberPerDay;
    private final RequestLimit perClient;

    public VerificationService(
            VerificationRepository verifications,
            NotificationRepository deliveryLog,
            TemplateService templates,
            SmsGateway sms,
            Clock clock,
            NotificationConfig config) {
        this.verifications = verifications;
        this.deliveryLog = deliveryLog;
        this.templates = templates;
        this.sms = sms;
        this.clock = clock;
        this.config = config.verification();
        this.perNumber =
                new RequestLimit(this.config.maxPerNumber(), this.config.window(), this.config.resendInterval());
        this.perNumberPerDay = new RequestLimit(this.config.maxPerNumberPerDay(), DAY, null);
        this.perClient = new RequestLimit(this.config.maxPerClient(), this.config.window(), null);
    }

    /**
     * Sends a new code to {@code mobile} unless a limit says wait (429 with the seconds to wait); the number's earlier
     * codes no longer count. A send the gateway refuses is a 503, and the code is never valid.
     */
    public CodeSent requestCode(String mobile, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Map<String, Object> data =
                Map.of("code", code, "minutes", config.codeValidity().toMinutes());
        String text = templates.render(TEMPLATE, TemplateCatalog.ZH, data);
        MobileVerification v = QuarkusTransaction.requiringNew().call(() -> reserve(mobile, clientAddress, code, now));
        String error = null;
        try {
            sms.send(mobile, text);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("verification SMS to %s not sent: %s", v.maskedMobile, error);
        }
        Map<String, Object> masked = Map.of("code", "*".repeat(CODE_LENGTH), "minutes", data.get("minutes"));
        String logged = templates.render(TEMPLATE, TemplateCatalog.ZH, masked);
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> recordSending(v.id, logged, failure, now));
        if (failure != null) {
            throw VerificationRefused.smsFailed();
        }
        return new CodeSent(china(v.expiresAt), config.resendInterval().toSeconds(), CODE_LENGTH);
    }

    /**
     * Checks {@code code} against the number's latest code: right → the token; wrong → 400 with the tries left (the try
     * is counted); expired, used, out of tries or none → 410.
     */
    public NumberVerified confirmCode(String mobile, String code) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Try result = QuarkusTransaction.requiringNew().call(() -> attempt(mobile, code, now));
        switch (result.outcome()) {
            case CORRECT -> {
                OffsetDateTime expiry = now.plus(config.tokenValidity());
                String token =
                        SignedToken.sign(config.tokenSecret(), SignedToken.MOBILE_VERIFIED, mobile, expiry.toInstant());
                return new NumberVerified(token, china(expiry));
            }
            case WRONG -> throw VerificationRefused.wrongCode(result.remaining());
            default -> throw VerificationRefused.expired(result.why());
        }
    }

    /** Deletes the hashes of old codes (the limits look back one window only). */
    @Scheduled(identity = "verification-purge", every = "1h", delayed = "1m")
    void purgeOldCodes() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.retention());
        long deleted = QuarkusTransaction.requiringNew().call(() -> verifications.deleteCreatedBefore(before));
        LOG.debugf("%d verification codes older than %s deleted", deleted, before);
    }

    private MobileVerification reserve(String mobile, String clientAddress, String code, OffsetDateTime now) {
        String mobileHash = hash("mobile", mobile);
        String clientHash = hash("client", clientAddress);
        verifications.lockNumber(mobileHash);
        OffsetDateTime since = now.minus(config.window());
        // one read of the number's sends serves both limits: each counts only what falls in its own window
        Duration longest = config.window().compareTo(DAY) > 0 ? config.window() : DAY;
        List<OffsetDateTime> sentToNumber = verifications.sentToNumberSince(mobileHash, now.minus(longest));
        Optional<Duration> numberWait = Stream.of(
                        perNumber.waitBefore(sentToNumber, now), perNumberPerDay.waitBefore(sentToNumber, now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
        Optional<Duration> clientWait =
                perClient.waitBefore(verifications.requestedByClientSince(clientHash, since), now);
        Optional<Duration> wait =
                Stream.of(numberWait, clientWait).flatMap(Optional::stream).max(Duration::compareTo);
        if (wait.isPresent()) {
            throw VerificationRefused.rateLimited(
                    RequestLimit.seconds(wait.get()),
                    clientWait.isPresent()
                            ? "too many codes requested from this address"
                            : "too many codes requested for this number");
        }
        MobileVerification v = new MobileVerification();
        v.mobileHash = mobileHash;
        v.maskedMobile = DeliveryService.maskMobile(mobile);
        v.clientHash = clientHash;
        v.codeSalt = HexFormat.of().formatHex(salt());
        v.codeHash = codeHash(v.codeSalt, mobileHash, code);
        v.createdAt = now;
        v.expiresAt = now.plus(config.codeValidity());
        verifications.persist(v);
        return v;
    }

    /** Marks the code sent (or failed) and records the SMS, code masked, in the delivery log. */
    private void recordSending(long id, String loggedText, String error, OffsetDateTime now) {
        MobileVerification v = verifications.findById(id);
        v.status = error == null ? MobileVerification.Status.SENT : MobileVerification.Status.FAILED;
        Notification n = new Notification();
        n.eventId = "verification:" + id;
        n.eventType = TemplateCatalog.VERIFICATION_CODE;
        n.recipientKind = Notification.RecipientKind.MOBILE;
        n.recipient = "mobile:" + v.maskedMobile;
        n.address = v.maskedMobile;
        n.channel = Notification.Channel.SMS;
        n.template = TEMPLATE;
        n.body = loggedText;
        n.urgent = true;
        n.createdAt = now;
        n.attempts = 1;
        if (error == null) {
            n.markDelivered(OffsetDateTime.now(clock));
        } else {
            n.markFailed(error, null); // DEAD: shown to admins, never sent again (a new code is asked for instead)
        }
        deliveryLog.persist(n);
    }

    private record Try(Outcome outcome, int remaining, String why) {}

    private Try attempt(String mobile, String code, OffsetDateTime now) {
        String mobileHash = hash("mobile", mobile);
        verifications.lockNumber(mobileHash);
        Optional<MobileVerification> latest = verifications.latestFor(mobileHash);
        if (latest.isEmpty()) {
            return new Try(Outcome.EXPIRED, 0, "no code was sent to this number recently");
        }
        MobileVerification v = latest.get();
        boolean correct = MessageDigest.isEqual(
                v.codeHash.getBytes(StandardCharsets.US_ASCII),
                codeHash(v.codeSalt, mobileHash, code).getBytes(StandardCharsets.US_ASCII));
        boolean usable = !v.used && !now.isAfter(v.expiresAt);
        Outcome outcome = v.attempt(correct, now, config.maxAttempts());
        String why = !usable
                ? (v.used ? "the code was used already" : "the code expired at " + china(v.expiresAt))
                : "no tries left with this code";
        return new Try(outcome, v.remainingAttempts(config.maxAttempts()), why);
    }

    private String hash(String what, String value) {
        return SignedToken.hmacHex(config.tokenSecret(), "verification-" + what + ":" + value);
    }

    private String codeHash(String salt, String mobileHash, String code) {
        return SignedToken.hmacHex(config.tokenSecret(), "verification-code:" + salt + ":" + mobileHash + ":" + code);
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t.atZoneSameInstant(CHINA).toOffsetDateTime();
    }
}
