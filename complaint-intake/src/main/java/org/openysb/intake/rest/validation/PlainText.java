package org.openysb.intake.rest.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text without control characters (tabs and line breaks allowed) and without bidirectional overrides, which can hide
 * or reorder what a handler reads. Markup is not refused: text is stored and served as text, never rendered.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {
    String message() default "{openysb.text.control}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        private static final Pattern FORBIDDEN =
                Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !FORBIDDEN.matcher(value).find();
        }
    }
}
