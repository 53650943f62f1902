package org.openysb.supervision.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 延期申请: how many working days, why, and the legal basis. */
public record ExtensionRequest(
        @Min(1) int workingDays,
        @NotBlank @Size(max = 1000) String reason,
        @NotBlank @Size(max = 1000) String legalBasis) {}
