package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.List;

/** A case's repeat links (并单), for dispatchers: the earlier case it repeats and the later cases that repeat it. */
public record RepeatView(String caseNumber, String repeatOf, Double similarity, List<Repeat> repeats) {

    public record Repeat(String caseNumber, String channel, OffsetDateTime receivedAt, Double similarity) {}
}
