package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 销号: the inspector's finding on a clue. */
public record ClueCloseRequest(@NotBlank @Size(max = 2000) String finding) {}
