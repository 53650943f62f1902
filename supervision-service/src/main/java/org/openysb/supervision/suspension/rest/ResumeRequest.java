package org.openysb.supervision.suspension.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 恢复办理: the answer that was awaited (from the complainant or the third party). */
public record ResumeRequest(@NotBlank @Size(max = 1000) String note) {}
