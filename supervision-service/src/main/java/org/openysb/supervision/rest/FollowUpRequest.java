package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 回访评价: satisfied, basically satisfied or dissatisfied; solved or not; a comment. */
public record FollowUpRequest(
        @NotNull @Pattern(regexp = "^(SATISFIED|BASICALLY_SATISFIED|DISSATISFIED)$") String rating,
        Boolean solved,
        @Size(max = 1000) String comment) {}
