package org.openysb.problem;

import java.util.List;

/**
 * A rule of the domain refused a request. Services throw it (or a subclass); {@link ProblemMappers} turns it into a
 * problem document, so that no resource maps errors by itself.
 */
public class DomainException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final String titleEn;
    private final List<Problem.FieldError> errors;

    public DomainException(int status, String slug, String title, String titleEn, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.titleEn = titleEn;
        this.errors = List.of();
    }

    private DomainException(Problem.FieldError error) {
        super(error.field() + ": " + error.messageEn());
        this.status = 400;
        this.slug = "validation";
        this.title = "请求内容不符合要求";
        this.titleEn = "The request is not valid";
        this.errors = List.of(error);
    }

    /** A field that is well-formed but refused by reference data or a rule; reported like a validation error. */
    public static DomainException invalidField(String field, Object value, String message, String messageEn) {
        return new DomainException(new Problem.FieldError(field, message, messageEn, value));
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(404, "not-found", "未找到", "Not found", what + " " + id + " does not exist");
    }

    public static DomainException conflict(String slug, String title, String titleEn, String detail) {
        return new DomainException(409, slug, title, titleEn, detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String titleEn() {
        return titleEn;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
