package org.openysb.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * supervision-service opened the work item of a dispatched case and started its clocks. Deadlines are absolute
 * instants computed on the working-day calendar (Asia/Shanghai).
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
        OffsetDateTime handlingDeadline) {}
