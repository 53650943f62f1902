package org.openysb.contracts;

/**
 * Kafka topics. Each topic has one producing service; every record is a CloudEvents 1.0 JSON document keyed by
 * case number, so that one case's events stay in order on one partition.
 */
public final class Topics {
    /** Produced by complaint-intake (受理). */
    public static final String COMPLAINTS = "ysb.complaints";
    /** Produced by case-routing (派单、退单、仲裁、指定承办). */
    public static final String ROUTING = "ysb.routing";
    /** Produced by supervision-service (签收、办理、答复、回访、督办、线索). */
    public static final String SUPERVISION = "ysb.supervision";
    /** Produced by supervision-service: signed checkpoints of the trail log, keyed {@code trail-log}. */
    public static final String TRAIL_CHECKPOINTS = "ysb.trail-checkpoints";

    /** Every topic of the flow, for deployments that create topics up front (auto-creation off). */
    public static final java.util.List<String> ALL =
            java.util.List.of(COMPLAINTS, ROUTING, SUPERVISION, TRAIL_CHECKPOINTS);

    /** Partitions per topic in the local stack and tests; one case's events stay on one partition (key). */
    public static final int DEFAULT_PARTITIONS = 3;

    private Topics() {}
}
