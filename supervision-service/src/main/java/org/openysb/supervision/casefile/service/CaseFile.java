package org.openysb.supervision.casefile.service;

import java.time.OffsetDateTime;
import java.util.List;

import org.openysb.supervision.service.WorkItemView;
import org.openysb.supervision.suspension.service.SuspensionView;

/**
 * Everything a handler needs on one case page: the work item, what this viewer may do now, the complaint, its repeats,
 * the clocks, the timeline, and the extension and suspension.
 *
 * @param viewerRole LEAD (主办), CO (协办) or OVERSIGHT (督办, 纪检, 管理)
 * @param actions what this viewer may do now: sign, first-contact, reply, return, extension, co-unit-part,
 *     suspension, resume, note
 */
public record CaseFile(
        WorkItemView workItem,
        String viewerRole,
        List<String> actions,
        ComplaintView complaint,
        Repeats repeats,
        List<ClockView> clocks,
        List<TimelineEntry> timeline,
        ExtensionView extension,
        SuspensionView suspension) {

    /** The complaint as units may read it; no name or mobile of a confidential (保密) complainant. */
    public record ComplaintView(
            String title,
            String content,
            String channel,
            OffsetDateTime receivedAt,
            String complainantKind,
            String displayName,
            String maskedMobile,
            boolean anonymous,
            boolean confidential,
            boolean contactable) {}

    /** 并单: the earlier case this one repeats, and the later cases that repeat it. */
    public record Repeats(String repeatOf, List<String> repeatedBy) {}

    /** One step of the case's trail. */
    public record TimelineEntry(OffsetDateTime at, String actor, String action, String summary) {}

    /** 延期: NONE, REQUESTED, APPROVED or REJECTED. */
    public record ExtensionView(
            String state, Integer workingDays, String reason, String basis, OffsetDateTime originalDeadline) {}
}
