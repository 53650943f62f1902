package org.openysb.supervision.replytemplate.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reply template's text; {@code version} is the version being edited (ignored when creating).
 *
 * @param category the category it is for, or null for any category
 * @param unit the unit it belongs to, or null for every unit
 */
public record ReplyTemplateRequest(
        @Size(max = 50) String category,
        @Size(max = 20) String unit,
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 4000) String body,
        Boolean active,
        Integer version) {}
