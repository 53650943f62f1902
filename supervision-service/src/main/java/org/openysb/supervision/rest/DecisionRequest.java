package org.openysb.supervision.rest;

import jakarta.validation.constraints.Size;

/** A supervisor's decision on an extension (approve or not) with an optional reason. */
public record DecisionRequest(boolean approve, @Size(max = 1000) String reason) {}
