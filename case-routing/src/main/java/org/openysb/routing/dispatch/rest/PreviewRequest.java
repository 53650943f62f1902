package org.openysb.routing.dispatch.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A complaint text to route without side effects. */
public record PreviewRequest(
        @NotBlank @Size(max = 5000) String content,
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{2,10}$") String district,
        @Pattern(regexp = "^(INQUIRY|HELP|SUGGESTION|COMPLAINT|REPORT)$") String type,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String categoryHint,
        @Pattern(regexp = "^[A-Z0-9]{2,20}$") String accusedUnit) {}
