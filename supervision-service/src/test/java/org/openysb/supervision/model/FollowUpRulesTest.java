package org.openysb.supervision.model;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 回访 rules of a work item, without the service around it. */
class FollowUpRulesTest {
    private static final OffsetDateTime REPLIED = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    private static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2026-11-26T23:59:59.999+08:00");

    private static WorkItem replied() {
        WorkItem item = new WorkItem();
        item.caseNumber = "TS202611230001";
        item.status = WorkItem.Status.REPLIED;
        item.repliedAt = REPLIED;
        item.followUpDeadline = DEADLINE;
        return item;
    }

    @Test
    void aReplyIsRatedOnce() {
        WorkItem item = replied();
        item.recordFollowUp("DISSATISFIED", false, "COMPLAINANT", REPLIED.plusHours(1));
        assertTrue(item.followUpRecorded());
        FollowUpRefused refused = assertThrows(
                FollowUpRefused.class,
                () -> item.recordFollowUp("SATISFIED", true, "COMPLAINANT", REPLIED.plusHours(2)));
        assertEquals(FollowUpRefused.Reason.ALREADY_RECORDED, refused.reason());
        assertEquals("DISSATISFIED", item.rating);
    }

    @Test
    void aReplyIsRatedUntilItsFollowUpDeadlineOnly() {
        WorkItem item = replied();
        assertFalse(item.followUpExpired(DEADLINE));
        assertTrue(item.followUpExpired(DEADLINE.plusNanos(1_000_000)));
        FollowUpRefused refused = assertThrows(
                FollowUpRefused.class,
                () -> item.recordFollowUp("SATISFIED", true, "COMPLAINANT", DEADLINE.plusMinutes(1)));
        assertEquals(FollowUpRefused.Reason.EXPIRED, refused.reason());
        assertFalse(item.followUpRecorded());
    }

    @Test
    void aCaseWithoutAReplyHasNoFollowUpWindow() {
        WorkItem item = new WorkItem();
        item.caseNumber = "TS202611230002";
        item.status = WorkItem.Status.SIGNED;
        assertFalse(item.followUpExpired(DEADLINE.plusYears(1)));
        assertThrows(
                WorkItem.IllegalTransition.class, () -> item.recordFollowUp("SATISFIED", true, "COMPLAINANT", REPLIED));
    }
}
