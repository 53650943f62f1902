package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.util.List;

/** A case's trail for discipline inspectors, with the result of checking its hash chain. */
public record TrailView(String caseNumber, boolean intact, String brokenAt, List<Step> steps) {
    public record Step(
            int seq,
            OffsetDateTime at,
            String actor,
            String action,
            String statusBefore,
            String statusAfter,
            String detail,
            String hash) {}
}
