package org.openysb.routing.service;

import java.util.List;

/**
 * What routing would do with a complaint, and why. {@code manualDispatch} is true when the confidence is below the
 * configured threshold: the case then waits for a dispatcher.
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
        List<Alternative> alternatives) {

    public record Alternative(String category, String categoryName, String lead, double confidence) {}
}
