package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor's action with its reason (重办). */
public record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}
