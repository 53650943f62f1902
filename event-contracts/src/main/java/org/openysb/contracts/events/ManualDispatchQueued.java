package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * Routing could not dispatch a case on its own and put it in the manual dispatch queue (人工派单): a dispatcher of the
 * coordinator (营商办) chooses the lead unit. Until then the first receiver leads coordination (首问负责).
 *
 * @param reason LOW_CONFIDENCE when the classifier's confidence is below the configured threshold, NO_MATRIX_ROW when
 *     no row of the responsibility matrix (权责清单) covers the category and district, POSSIBLE_MISCONDUCT when the
 *     misconduct guard found some evidence that the complaint concerns officials' own conduct (疑似涉及工作人员作风问题):
 *     the suggestion is then the discipline commission's category
 * @param suggestedCategory the category routing would have chosen, or null
 * @param suggestedCategoryName its Chinese name, or null
 * @param suggestedLead the lead unit that category's matrix row names, or null
 * @param confidence the classifier's confidence in the suggested category, 0 to 1
 * @param explanation the evidence behind the suggestion, or null
 * @param urgent the complaint is urgent (紧急): the dispatcher must act within calendar hours
 */
public record ManualDispatchQueued(
        String caseNumber,
        String reason,
        String suggestedCategory,
        String suggestedCategoryName,
        UnitRef suggestedLead,
        double confidence,
        String explanation,
        boolean urgent,
        OffsetDateTime queuedAt) {}
