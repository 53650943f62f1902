package org.openysb.routing.cases.service;

import java.time.OffsetDateTime;
import java.util.List;

/** The routing history of one case. */
public record CaseHistory(
        String caseNumber,
        String status,
        String category,
        String currentLead,
        int dispatchCount,
        boolean designated,
        List<Decision> decisions) {

    public record Decision(
            OffsetDateTime decidedAt,
            String kind,
            String category,
            String lead,
            String leadName,
            List<String> coHandlers,
            Integer matrixVersion,
            Long matrixRowId,
            Double confidence,
            String explanation,
            String actor) {}
}
