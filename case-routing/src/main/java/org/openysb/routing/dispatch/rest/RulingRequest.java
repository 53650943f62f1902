package org.openysb.routing.dispatch.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The coordinator's ruling on a return: upheld (then {@code lead} is the right unit) or rejected (improper return: the
 * case goes back to the unit that returned it). {@code misconductConfirmation}: required when the misconduct guard
 * flagged the case and the ruling leaves it with another unit than the discipline commission (recorded on the
 * decision).
 */
public record RulingRequest(
        @NotNull Boolean upheld,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String category,
        @Pattern(regexp = "^[A-Z0-9]{2,20}$") String lead,
        @Size(max = 10) List<@Pattern(regexp = "^[A-Z0-9]{2,20}$") String> coHandlers,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 1000) String misconductConfirmation) {}
