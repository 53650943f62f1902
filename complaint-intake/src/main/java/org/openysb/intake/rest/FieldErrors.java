package org.openysb.intake.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;

import org.openysb.problem.Problem;

/** Field errors in Chinese and English for a bean validated by hand (rows of a batch import). */
@ApplicationScoped
class FieldErrors {
    private final ValidatorFactory validatorFactory;

    FieldErrors(ValidatorFactory validatorFactory) {
        this.validatorFactory = validatorFactory;
    }

    <T> Set<ConstraintViolation<T>> validate(T bean) {
        return validatorFactory.getValidator().validate(bean);
    }

    List<Problem.FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(
                        v.getPropertyPath().toString(),
                        interpolate(v, Locale.SIMPLIFIED_CHINESE),
                        interpolate(v, Locale.ENGLISH),
                        v.getInvalidValue() instanceof String s && s.length() <= 100 ? s : null))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    private String interpolate(ConstraintViolation<?> violation, Locale locale) {
        return validatorFactory
                .getMessageInterpolator()
                .interpolate(
                        violation.getMessageTemplate(),
                        new MessageInterpolator.Context() {
                            @Override
                            public ConstraintDescriptor<?> getConstraintDescriptor() {
                                return violation.getConstraintDescriptor();
                            }

                            @Override
                            public Object getValidatedValue() {
                                return violation.getInvalidValue();
                            }

                            @Override
                            public <U> U unwrap(Class<U> type) {
                                throw new jakarta.validation.ValidationException("not supported: " + type);
                            }
                        },
                        locale);
    }
}
