package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a complainant sees of a case: no personal data of anyone, no internal notes.
 *
 * @param expectedReplyBy the lead unit's handling deadline (an approved extension or a reopening included) once its
 *     work item is open, else null
 * @param expectedReplyProvisional {@code expectedReplyBy} rests on the statutory holidays of a year whose State Council
 *     holiday notice is not out yet (暂定): it may move when the notice comes
 * @param reply the lead unit's latest reply, or null before it replied
 */
public record CaseTracking(
        String caseNumber,
        String type,
        String title,
        String status,
        String statusName,
        OffsetDateTime receivedAt,
        Unit assignedUnit,
        List<Step> timeline,
        OffsetDateTime expectedReplyBy,
        boolean expectedReplyProvisional,
        Reply reply) {

    public record Unit(String code, String name) {}

    public record Step(OffsetDateTime at, String step, String description) {}

    /**
     * The unit's written reply (答复) to the complainant.
     *
     * @param resultName the Chinese name of {@code resultCode}, null for a code intake does not know
     */
    public record Reply(String unitName, String resultCode, String resultName, String text, OffsetDateTime repliedAt) {}
}
