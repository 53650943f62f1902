package org.openysb.intake.service;

import org.openysb.problem.DomainException;

/** 429: the client sent too many wrong query codes; it may try again after {@link #retryAfterSeconds()}. */
public class TooManyWrongCodes extends DomainException {
    private final long retryAfterSeconds;

    TooManyWrongCodes(long retryAfterSeconds) {
        super(
                429,
                "too-many-wrong-query-codes",
                "查询码错误次数过多，请稍后再试",
                "Too many wrong query codes, try again later",
                "too many wrong query codes from this client; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the client's oldest counted miss leaves the window, so that it is below the limit again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
