package org.openysb.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * supervision-service opened the work item of a dispatched case and started its clocks. Deadlines are absolute
 * instants computed on the working-day calendar (Asia/Shanghai). {@code deadlineProvisional}: true when the handling
 * deadline rests on the provisional calendar of a year whose holiday notice is not loaded yet (暂定; recomputed when it
 * is); absent when unknown.
 */
public record WorkItemOpened(
        String caseNumber,
        UnitRef lead,
        List<UnitRef> coHandlers,
        String type,
        boolean urgent,
        OffsetDateTime assignedAt,
        OffsetDateTime signForDeadline,
        OffsetDateTime firstContactDeadline,
        OffsetDateTime returnDeadline,
        OffsetDateTime handlingDeadline,
        Boolean deadlineProvisional) {

    /** Without {@code deadlineProvisional} (absent in events of producers that do not set it). */
    public WorkItemOpened(
            String caseNumber,
            UnitRef lead,
            List<UnitRef> coHandlers,
            String type,
            boolean urgent,
            OffsetDateTime assignedAt,
            OffsetDateTime signForDeadline,
            OffsetDateTime firstContactDeadline,
            OffsetDateTime returnDeadline,
            OffsetDateTime handlingDeadline) {
        this(
                caseNumber,
                lead,
                coHandlers,
                type,
                urgent,
                assignedAt,
                signForDeadline,
                firstContactDeadline,
                returnDeadline,
                handlingDeadline,
                null);
    }
}
