package org.openysb.routing.dispatch.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 指定承办: the unit the coordinator designates; it can no longer return the case. {@code misconductConfirmation}:
 * required when the misconduct guard flagged the case and the unit is not the discipline commission.
 */
public record DesignationRequest(
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{2,20}$") String lead,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String category,
        @Size(max = 10) List<@Pattern(regexp = "^[A-Z0-9]{2,20}$") String> coHandlers,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 1000) String misconductConfirmation) {}
