package org.openysb.supervision.suspension.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 中止申请: why, on what basis, and for at most how many working days. */
public record SuspensionRequest(
        @NotBlank @Size(max = 1000) String reason,
        @NotBlank @Size(max = 1000) String basis,
        @Min(1) @Max(60) int workingDays) {}
