package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.List;

/** What a complainant sees of a case: no personal data of anyone, no internal notes. */
public record CaseTracking(
        String caseNumber,
        String type,
        String title,
        String status,
        String statusName,
        OffsetDateTime receivedAt,
        Unit assignedUnit,
        List<Step> timeline) {

    public record Unit(String code, String name) {}

    public record Step(OffsetDateTime at, String step, String description) {}
}
