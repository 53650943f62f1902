package org.openysb.routing.classification.service;

import java.util.List;

/**
 * What routing would do with a complaint, and why. {@code manualDispatch} is true when the case waits for a dispatcher;
 * {@code manualReason} says why (LOW_CONFIDENCE, NO_MATRIX_ROW, POSSIBLE_MISCONDUCT), null when routed. {@code
 * misconduct} is the misconduct guard's finding.
 */
public record RoutingProposal(
        String category,
        String categoryName,
        String lead,
        String leadName,
        List<String> coHandlers,
        double confidence,
        int matrixVersion,
        Long matrixRowId,
        String basis,
        String explanation,
        boolean manualDispatch,
        String manualReason,
        Misconduct misconduct,
        List<Alternative> alternatives) {

    /**
     * The misconduct guard's finding: {@code level} NONE, POSSIBLE (manual dispatch, 疑似涉及工作人员作风问题) or STRONG (to the
     * discipline commission), the probability and the evidence (cues found, learnt wording).
     */
    public record Misconduct(String level, double probability, List<String> evidence) {}

    public record Alternative(String category, String categoryName, String lead, double confidence) {}
}
