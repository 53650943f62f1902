package org.openysb.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case was dispatched (派单/交办) to a lead unit (主办) and co-units (协办).
 *
 * @param matrixVersion the responsibility-matrix version the decision used
 * @param matrixRowId the row of that version
 * @param basis the document and article that make the lead unit responsible (依据)
 * @param decidedBy AUTO for the classifier, otherwise the dispatcher's or coordinator's user name
 * @param explanation why: the evidence that decided the category and the row
 * @param dispatchCount how many times this case has been dispatched, this one included
 * @param designated true when the coordinator designated the unit (指定承办); it may not return the case
 */
public record CaseRouted(
        String caseNumber,
        String category,
        String categoryName,
        UnitRef lead,
        List<UnitRef> coHandlers,
        String district,
        String type,
        boolean urgent,
        String channel,
        int matrixVersion,
        long matrixRowId,
        String basis,
        double confidence,
        String decidedBy,
        String explanation,
        int dispatchCount,
        boolean designated,
        OffsetDateTime routedAt) {}
