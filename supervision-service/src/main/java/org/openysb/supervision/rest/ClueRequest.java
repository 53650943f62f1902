package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A clue entered by hand (线索登记): the case, optionally another unit than its lead unit, what was observed and a
 * related case.
 */
public record ClueRequest(
        @NotBlank @Pattern(regexp = "[A-Z]{2}\\d{12}") String caseNumber,
        @Pattern(regexp = "[A-Z0-9]{1,20}") String unitCode,
        @Size(max = 100) String unitName,
        @NotBlank @Size(max = 2000) String description,
        @Pattern(regexp = "[A-Z]{2}\\d{12}") String relatedCaseNumber) {}
