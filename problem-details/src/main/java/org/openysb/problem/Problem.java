package org.openysb.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code title} is Chinese (the users' language), {@code titleEn} its English form;
 * {@code errors} lists field-level validation errors.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        String titleEn,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:openysb:problem:";

    /**
     * One invalid field.
     *
     * @param field JSON path of the field, e.g. {@code complainant.mobile}
     * @param message Chinese message
     * @param messageEn English message
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, String messageEn, Object rejectedValue) {}
}
