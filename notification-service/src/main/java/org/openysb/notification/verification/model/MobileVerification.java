package org.openysb.notification.verification.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One SMS verification code (手机号验证码) sent to a mobile number. Neither the code nor the number is kept in
 * clear: the number as an HMAC (to find its codes and count its requests) and masked, the code as a salted HMAC. A
 * code is single use, expires, and allows a limited number of tries; only the latest code of a number counts.
 */
@Entity
@Table(name = "mobile_verification")
public class MobileVerification {
    /** PENDING: being sent; SENT: the gateway accepted it; FAILED: the gateway did not (never confirmable). */
    public enum Status {
        PENDING,
        SENT,
        FAILED
    }

    /** What a try came to. EXPIRED also covers used, out of tries and never sent. */
    public enum Outcome {
        CORRECT,
        WRONG,
        EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "mobile_hash", nullable = false, length = 64)
    public String mobileHash;

    @Column(name = "masked_mobile", nullable = false, length = 20)
    public String maskedMobile;

    /** HMAC of the client address that asked (rate limit per address). */
    @Column(name = "client_hash", nullable = false, length = 64)
    public String clientHash;

    @Column(name = "code_salt", nullable = false, length = 32)
    public String codeSalt;

    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status = Status.PENDING;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    /** Wrong tries so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public boolean used;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    /**
     * One try with a code ({@code correct}: whether it matched). A used, expired, unsent or exhausted code is
     * EXPIRED whatever is entered; a correct code is used up; a wrong one uses a try, and the last try leaves it
     * EXPIRED.
     */
    public Outcome attempt(boolean correct, OffsetDateTime now, int maxAttempts) {
        if (used || status == Status.FAILED || now.isAfter(expiresAt) || attempts >= maxAttempts) {
            return Outcome.EXPIRED;
        }
        if (correct) {
            used = true;
            usedAt = now;
            return Outcome.CORRECT;
        }
        attempts++;
        return attempts >= maxAttempts ? Outcome.EXPIRED : Outcome.WRONG;
    }

    public int remainingAttempts(int maxAttempts) {
        return Math.max(0, maxAttempts - attempts);
    }
}
