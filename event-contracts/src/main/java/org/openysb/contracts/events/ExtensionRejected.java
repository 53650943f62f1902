package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A supervisor rejected an extension request (延期不予批准); the handling deadline stays.
 *
 * @param unit the unit that asked
 * @param reason why the request was rejected
 * @param deadline the handling deadline, unchanged
 * @param approver the user name of the supervisor who ruled on the request
 */
public record ExtensionRejected(
        String caseNumber,
        UnitRef unit,
        String reason,
        OffsetDateTime deadline,
        String approver,
        OffsetDateTime rejectedAt) {}
