package org.openysb.routing.witness.model;

import java.time.OffsetDateTime;

/** A checkpoint the witness refused, and why ({@code BAD_SIGNATURE}, {@code INCONSISTENT}, {@code SECOND_ROOT}, …). */
public record Refusal(
        String eventId, Long treeSize, String rootHash, String reason, String detail, OffsetDateTime at) {}
