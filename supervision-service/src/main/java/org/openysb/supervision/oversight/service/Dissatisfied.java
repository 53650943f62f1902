package org.openysb.supervision.oversight.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * 不满意回访: replied cases the complainant rated dissatisfied (or not solved), neither reopened nor closed yet,
 * longest waiting first; a supervisor reopens (重办) or closes (销号) each.
 *
 * @param maxReopens how many times a case may be reopened; a case at the limit can only be closed
 */
public record Dissatisfied(List<Item> items, int page, int size, long total, int maxReopens) {

    /**
     * One case.
     *
     * @param followedUpBy COMPLAINANT (follow-up link) or OPERATOR (phone)
     * @param comment the complainant's comment, null when none was given
     */
    public record Item(
            String caseNumber,
            String title,
            String leadUnit,
            String leadName,
            String type,
            String category,
            OffsetDateTime repliedAt,
            String replyResult,
            String replyText,
            String rating,
            Boolean solved,
            String comment,
            OffsetDateTime followedUpAt,
            String followedUpBy,
            int reopenCount,
            boolean canReopen) {}
}
