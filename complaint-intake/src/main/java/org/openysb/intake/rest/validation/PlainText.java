package org.openysb.intake.rest.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            // a loop over the characters: a regular expression's character class took 7 % of the event loops' CPU
            for (int i = 0; i < value.length(); i++) {
                if (forbidden(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** C0 controls but tab, line feed and carriage return; DEL; bidirectional overrides and isolates; non-characters. */
        static boolean forbidden(char c) {
            if (c < 0x20) {
                return c != '\t' && c != '\n' && c != '\r';
            }
            return c == 0x7F
                    || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0xFFFE
                    || c == 0xFFFF;
        }
    }
}
