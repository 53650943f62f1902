package org.openysb.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 答复: the result and the written reply to the complainant. */
public record ReplyRequest(
        @NotNull @Pattern(regexp = "^(RESOLVED|EXPLAINED|PARTIALLY_RESOLVED|NOT_ACCEPTED)$") String resultCode,
        @NotBlank @Size(max = 4000) String text) {}
