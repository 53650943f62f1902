package org.openysb.intake.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.openysb.problem.Problem;

/** Per-row results of a batch import, and their totals. */
public record BatchImportResponse(int rows, int created, int duplicate, int conflict, int invalid, List<Row> results) {

    public enum Status {
        created,
        duplicate,
        conflict,
        invalid
    }

    /**
     * One row: its number (1 = first data row; a CSV header is not counted), outcome, case and field errors.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Row(
            int row,
            String workOrderNumber,
            Status status,
            String caseNumber,
            String message,
            List<Problem.FieldError> errors) {}

    public static BatchImportResponse of(List<Row> results) {
        int[] counts = new int[Status.values().length];
        results.forEach(r -> counts[r.status().ordinal()]++);
        return new BatchImportResponse(results.size(), counts[0], counts[1], counts[2], counts[3], results);
    }
}
