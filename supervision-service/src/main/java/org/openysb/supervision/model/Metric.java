package org.openysb.supervision.model;

/** The counters kept per day, unit, channel, category and type (columns of metric_daily). */
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
    REPEATS("repeats");

    private final String column;

    Metric(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
