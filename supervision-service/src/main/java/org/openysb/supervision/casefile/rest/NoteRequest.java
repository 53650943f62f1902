package org.openysb.supervision.casefile.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An internal note's text. */
public record NoteRequest(@NotBlank @Size(max = 2000) String text) {}
