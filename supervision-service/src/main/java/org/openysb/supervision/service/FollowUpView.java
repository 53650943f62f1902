package org.openysb.supervision.service;

import java.time.OffsetDateTime;

import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;

/**
 * What the complainant sees on the follow-up page: the unit, the reply, the deadline to rate, and the rating once
 * given ({@code rating} null until rated; a "not rated" close-out is not a rating). {@code expired}: the follow-up
 * deadline has passed; {@code followUpDeadlineProvisional}: the deadline rests on the provisional calendar of a year
 * whose holiday notice is not out yet (暂定).
 */
public record FollowUpView(
        String caseNumber,
        String unitName,
        String replyResult,
        String replyText,
        OffsetDateTime repliedAt,
        OffsetDateTime followUpDeadline,
        String status,
        String rating,
        Boolean solved,
        OffsetDateTime ratedAt,
        boolean expired,
        boolean followUpDeadlineProvisional) {

    static FollowUpView of(WorkItem item, OffsetDateTime now, WorkingCalendar calendar) {
        boolean rated = item.followUpRecorded();
        return new FollowUpView(
                item.caseNumber,
                item.leadName,
                item.replyResult,
                item.replyText,
                china(item.repliedAt),
                china(item.followUpDeadline),
                item.status.name(),
                rated ? item.rating : null,
                rated ? item.solved : null,
                china(item.followedUpAt),
                item.followUpExpired(now),
                calendar.isProvisional(item.followUpDeadline));
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
