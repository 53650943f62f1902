package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 退单: why the case is not the unit's, and the matrix row or mandate that says so. */
public record ReturnRequest(@NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 1000) String basis) {}
