package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 协办意见: what the co-unit found and did, for the lead unit's reply. */
public record CoUnitPartRequest(@NotBlank @Size(max = 4000) String text) {}
