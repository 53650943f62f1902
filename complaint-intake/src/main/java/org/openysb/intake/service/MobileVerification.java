package org.openysb.intake.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.LaunchMode;
import org.jboss.logging.Logger;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.crypto.SignedToken;
import org.openysb.problem.DomainException;

/**
 * Mobile verification (手机号验证) of web complaints: a complainant who gives a mobile proves it is theirs with the
 * token notification-service issued after a correct SMS code, or by being signed in with that number verified in their
 * account ({@code phone_number} and {@code phone_number_verified} claims). An HMAC: microseconds, on the event loop.
 */
@ApplicationScoped
public class MobileVerification {
    private static final Logger LOG = Logger.getLogger(MobileVerification.class);
    static final String PURPOSE = "mobile-verified:";

    private final SignedToken tokens;
    private final boolean required;
    private final Clock clock = Clock.systemUTC();

    public MobileVerification(IntakeConfig config) {
        IntakeConfig.MobileVerification settings = config.web().mobileVerification();
        this.tokens = new SignedToken(settings.secret(), PURPOSE);
        this.required = settings.required();
        if (LaunchMode.current() == LaunchMode.NORMAL && settings.secret().startsWith("local-dev-")) {
            LOG.warn("intake.web.mobile-verification.secret is the local-development default: set"
                    + " MOBILE_VERIFICATION_SECRET (the same value as notification-service's)");
        }
        if (!required) {
            LOG.warn("intake.web.mobile-verification.required=false: web complaints are accepted with unverified"
                    + " mobile numbers");
        }
    }

    /**
     * Refuses (400, field error on {@code mobileVerification}) a complaint whose mobile is neither proved by its token
     * nor the caller's verified phone number.
     *
     * @param mobile the complainant's mobile, null when none was given (nothing to verify)
     * @param token the {@code mobileVerification} of the request, or null
     * @param verifiedPhone the signed-in caller's verified phone number (normalised), or null
     */
    public void requireVerified(String mobile, String token, String verifiedPhone) {
        if (!required || mobile == null || mobile.equals(verifiedPhone)) {
            return;
        }
        if (tokens.check(mobile, token, clock.instant()) != SignedToken.Check.VALID) {
            throw DomainException.invalidField(
                    "mobileVerification", null, "请先完成手机号验证", "verify the mobile number first");
        }
    }

    /**
     * A phone number from an identity provider's {@code phone_number} claim in the form complainants type it: no
     * spaces or hyphens, no +86 / 0086 country code; null when there is none.
     */
    public static String normalisePhone(String claim) {
        if (claim == null) {
            return null;
        }
        String digits = claim.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits.isEmpty() ? null : digits;
    }
}
