package org.openysb.intake.model;

import java.time.OffsetDateTime;

/** An earlier case that a new complaint may repeat: only what the comparison needs (no personal data). */
public record RepeatCandidate(
        String caseNumber,
        String title,
        String content,
        String district,
        String mobileHash,
        String repeatOf,
        OffsetDateTime receivedAt) {

    public String text() {
        return title + "\n" + content;
    }
}
