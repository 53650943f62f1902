package org.openysb.routing.dispatch.service;

import java.time.OffsetDateTime;
import java.util.List;

/** What dispatchers, coordinators and inspectors see of the queues and of returns. */
public final class DispatchViews {
    private DispatchViews() {}

    /**
     * A case waiting in the manual dispatch queue, with the classifier's suggestion and why. {@code misconductLevel}
     * (POSSIBLE, STRONG or null) and {@code misconductEvidence}: the misconduct guard's finding; when set, dispatching
     * to another unit than {@code misconductLead} (the discipline commission) needs {@code misconductConfirmation}.
     */
    public record QueuedCase(
            String caseNumber,
            String district,
            String type,
            String channel,
            boolean urgent,
            String content,
            OffsetDateTime receivedAt,
            OffsetDateTime queuedAt,
            String claimedBy,
            OffsetDateTime claimedAt,
            String suggestedCategory,
            String suggestedLead,
            String suggestedLeadName,
            Double confidence,
            String explanation,
            String misconductLevel,
            String misconductEvidence,
            String misconductLead) {}

    /**
     * A returned case waiting for the coordinator's ruling. When {@code misconductLevel} is set (the misconduct guard
     * flagged the case), a ruling or designation that leaves it with another unit than {@code misconductLead} needs
     * {@code misconductConfirmation}.
     */
    public record ArbitrationCase(
            String caseNumber,
            String district,
            String category,
            String content,
            String returnedBy,
            String returnedByName,
            String reason,
            String basis,
            OffsetDateTime returnedAt,
            int dispatchCount,
            boolean designationRequired,
            String misconductLevel,
            String misconductEvidence,
            String misconductLead) {}

    /** Where a case stands after a dispatch, ruling or designation. */
    public record Dispatched(
            String caseNumber,
            String status,
            String category,
            String lead,
            String leadName,
            List<String> coHandlers,
            int dispatchCount,
            boolean designated) {}

    /** One return request of a unit. */
    public record Return(
            String caseNumber,
            String reason,
            String basis,
            String actor,
            OffsetDateTime requestedAt,
            String outcome,
            String refusal,
            boolean improper,
            int dispatchCount) {}

    /** Return counts of one unit (退单率 and 不当退单 for supervision metrics and inspectors). */
    public record UnitReturns(
            String unit, String unitName, long returns, long improper, long refused, List<Return> items) {}

    public record UnitReturnStats(
            String unit, String unitName, long returns, long rerouted, long arbitration, long improper, long refused) {}
}
