package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** 先行联系: how the unit reached the complainant. */
public record FirstContactRequest(@NotNull @Pattern(regexp = "^(PHONE|SMS|EMAIL|VISIT|OTHER)$") String method) {}
