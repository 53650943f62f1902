package org.openysb.routing.dispatch.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A dispatcher's decision for a queued case: lead unit, co-handling units (default: the matrix row's) and why. The
 * category is optional; without it, the category whose matrix row names this lead is used. {@code
 * misconductConfirmation}: required when the misconduct guard flagged the case and the lead is not the discipline
 * commission — why the dispatcher is sure the complaint is not about officials' conduct (recorded on the decision).
 */
public record DispatchRequest(
        @Pattern(regexp = "^[A-Z_]{2,50}$") String category,
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{2,20}$") String lead,
        @Size(max = 10) List<@Pattern(regexp = "^[A-Z0-9]{2,20}$") String> coHandlers,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 1000) String misconductConfirmation) {}
