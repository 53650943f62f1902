package org.openysb.supervision.queue.rest;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 批量签收: up to 50 case numbers. */
public record BulkSignRequest(@NotEmpty @Size(max = 50) List<@Pattern(regexp = "^TS[0-9]{12,}$") String> caseNumbers) {}
