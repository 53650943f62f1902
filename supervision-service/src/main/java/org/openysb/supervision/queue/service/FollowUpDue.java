package org.openysb.supervision.queue.service;

import java.time.OffsetDateTime;
import java.util.List;

/** Replied cases whose complainant has not rated the reply yet, for the hotline's phone follow-up (电话回访). */
public record FollowUpDue(List<Item> items, int page, int size, long total) {
    public record Item(
            String caseNumber,
            String title,
            String leadName,
            OffsetDateTime repliedAt,
            String replyResult,
            String replyText,
            OffsetDateTime followUpDeadline,
            String maskedMobile,
            boolean contactable,
            boolean followUpDeadlineProvisional) {}
}
