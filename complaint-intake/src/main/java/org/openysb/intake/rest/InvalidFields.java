package org.openysb.intake.rest;

import java.util.List;

import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;

/** A hand-validated request part (the JSON part of a multipart letter) with its field errors: a 400 problem. */
class InvalidFields extends DomainException {
    private final List<Problem.FieldError> errors;

    InvalidFields(List<Problem.FieldError> errors) {
        super(
                400,
                "validation",
                "请求内容不符合要求",
                "The request is not valid",
                String.join(
                        "; ",
                        errors.stream()
                                .map(e -> e.field() + ": " + e.messageEn())
                                .toList()));
        this.errors = errors;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
