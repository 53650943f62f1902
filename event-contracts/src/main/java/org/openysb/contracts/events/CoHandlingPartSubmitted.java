package org.openysb.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A co-handling unit (协办单位) submitted its part of the reply; the lead unit replies once every co-unit has. The text
 * itself stays in supervision-service.
 *
 * @param unit the co-unit that submitted
 * @param lead the lead unit (主办) that will reply
 * @param actor the user name of the co-unit's handler
 * @param outstanding co-units whose part is still missing
 */
public record CoHandlingPartSubmitted(
        String caseNumber,
        UnitRef unit,
        UnitRef lead,
        String actor,
        OffsetDateTime submittedAt,
        List<String> outstanding) {}
