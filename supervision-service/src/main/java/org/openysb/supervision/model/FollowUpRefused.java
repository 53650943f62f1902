package org.openysb.supervision.model;

import java.time.OffsetDateTime;

/** 回访 refused for good: the case was rated already, or its follow-up window has closed. */
public final class FollowUpRefused extends RuntimeException {
    public enum Reason {
        ALREADY_RECORDED,
        EXPIRED
    }

    private final Reason reason;

    private FollowUpRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static FollowUpRefused alreadyRecorded(String caseNumber, OffsetDateTime at) {
        return new FollowUpRefused(Reason.ALREADY_RECORDED, caseNumber + " was rated at " + at);
    }

    static FollowUpRefused expired(String caseNumber, OffsetDateTime deadline) {
        return new FollowUpRefused(Reason.EXPIRED, "the follow-up window of " + caseNumber + " closed at " + deadline);
    }

    public Reason reason() {
        return reason;
    }
}
