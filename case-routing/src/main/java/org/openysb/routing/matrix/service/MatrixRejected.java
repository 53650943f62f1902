package org.openysb.routing.matrix.service;

import java.util.List;

import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;

/** A matrix import or edit with errors: nothing is written; a 400 problem lists every error with its line and field. */
public class MatrixRejected extends DomainException {
    private final List<Problem.FieldError> errors;

    public MatrixRejected(List<Problem.FieldError> errors) {
        super(
                400,
                "matrix-invalid",
                "权责清单内容有误，未导入任何条目",
                "The responsibility matrix has errors; nothing was imported",
                errors.size() + " error(s): "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .limit(20)
                                        .map(e -> e.field() + ": " + e.messageEn())
                                        .toList()));
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
