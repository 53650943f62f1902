package org.openysb.notification.verification.service;

import org.openysb.problem.DomainException;

/**
 * A verification request or try refused, with what the caller needs to know beyond the problem: how long to wait
 * ({@code Retry-After} of a 429) or how many tries are left (extension {@code remainingAttempts} of a 400).
 */
public class VerificationRefused extends DomainException {
    private final Long retryAfterSeconds;
    private final Integer remainingAttempts;

    private VerificationRefused(
            int status,
            String slug,
            String title,
            String titleEn,
            String detail,
            Long retryAfterSeconds,
            Integer remainingAttempts) {
        super(status, slug, title, titleEn, detail);
        this.retryAfterSeconds = retryAfterSeconds;
        this.remainingAttempts = remainingAttempts;
    }

    static VerificationRefused rateLimited(long retryAfterSeconds, String detail) {
        return new VerificationRefused(
                429,
                "verification-rate-limited",
                "获取验证码过于频繁，请稍后再试",
                "Too many verification codes requested, please try again later",
                detail,
                retryAfterSeconds,
                null);
    }

    static VerificationRefused wrongCode(int remainingAttempts) {
        return new VerificationRefused(
                400,
                "verification-code-wrong",
                "验证码不正确，还可尝试" + remainingAttempts + "次",
                "Wrong verification code, " + remainingAttempts + " tries left",
                "the code does not match",
                null,
                remainingAttempts);
    }

    static VerificationRefused expired(String detail) {
        return new VerificationRefused(
                410,
                "verification-code-expired",
                "验证码已失效，请重新获取",
                "The verification code is no longer valid, please request a new one",
                detail,
                null,
                null);
    }

    static VerificationRefused smsFailed() {
        return new VerificationRefused(
                503,
                "verification-sms-failed",
                "验证码短信发送失败，请稍后再试",
                "The verification SMS could not be sent, please try again later",
                "the SMS gateway did not accept the message",
                30L,
                null);
    }

    /** Seconds to wait before asking again, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Tries left with the current code, or null. */
    public Integer remainingAttempts() {
        return remainingAttempts;
    }
}
