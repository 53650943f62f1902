package org.openysb.supervision.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** 双随机: the month whose closed cases are drawn, how many per unit, and optionally the seed (to repeat a draw). */
public record SampleRequest(
        @NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String period,
        @NotNull @Min(1) @Max(100) Integer perUnit,
        Long seed) {}
