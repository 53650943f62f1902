package org.openysb.supervision.metrics.model;

/**
 * The counters kept per day, unit, channel, category, type and district (columns of metric_daily).
 * {@code SIGN_DECIDED} and {@code RESPONSE_DECIDED} count the assignments whose sign-for (or response) outcome is
 * decided: signed (contacted), or the deadline passed without it, or the case left the unit before either.
 */
public enum Metric {
    RECEIVED("received"),
    DISPATCHED_ON_TIME("dispatched_on_time"),
    ASSIGNED("assigned"),
    SIGNED_ON_TIME("signed_on_time"),
    RESPONDED_ON_TIME("responded_on_time"),
    RETURNS("returns"),
    IMPROPER_RETURNS("improper_returns"),
    DUE("due"),
    COMPLETED_ON_TIME("completed_on_time"),
    REPLIED("replied"),
    CLOSED("closed"),
    FOLLOWED_UP("followed_up"),
    RATED("rated"),
    SATISFIED("satisfied"),
    SOLVED("solved"),
    REOPENED("reopened"),
    REPEATS("repeats"),
    SIGN_DECIDED("sign_decided"),
    RESPONSE_DECIDED("response_decided");

    private final String column;

    Metric(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
