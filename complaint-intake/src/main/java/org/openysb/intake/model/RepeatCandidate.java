package org.openysb.intake.model;

import java.time.OffsetDateTime;

/**
 * An earlier case that a new complaint may repeat: only what the comparison needs (no personal data). Its text, or
 * its bigrams ({@link TextSimilarity#compactBigrams}) when they are known already.
 */
public record RepeatCandidate(
        String caseNumber,
        String title,
        String content,
        String district,
        String mobileHash,
        String repeatOf,
        OffsetDateTime receivedAt,
        int[] grams) {

    /** A candidate read with its text. */
    public RepeatCandidate(
            String caseNumber,
            String title,
            String content,
            String district,
            String mobileHash,
            String repeatOf,
            OffsetDateTime receivedAt) {
        this(caseNumber, title, content, district, mobileHash, repeatOf, receivedAt, null);
    }

    public String text() {
        return title + "\n" + content;
    }
}
