package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 回访复核: the outcome of re-visiting a drawn case (CONFIRMED, PROBLEM_FOUND, UNREACHABLE) and what was found. */
public record RevisitRequest(
        @NotBlank @Pattern(regexp = "CONFIRMED|PROBLEM_FOUND|UNREACHABLE") String outcome,
        @Size(max = 2000) String note) {}
