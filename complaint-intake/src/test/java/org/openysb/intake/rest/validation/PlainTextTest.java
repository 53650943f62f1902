package org.openysb.intake.rest.validation;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The characters plain text refuses, every one of the 65,536 UTF-16 units checked against the rule as written. */
class PlainTextTest {
    private static final Pattern RULE =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]");

    @Test
    void shouldRefuseExactlyTheControlBidiAndNonCharacters() {
        PlainText.Validator validator = new PlainText.Validator();
        int refused = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "企业反映" + (char) c + "办理超期";
            boolean expected = !RULE.matcher(text).find();
            assertEquals(expected, validator.isValid(text, null), "U+" + Integer.toHexString(c));
            if (!expected) {
                refused++;
            }
        }
        assertEquals(29 + 1 + 5 + 4 + 2, refused, "C0 but tab/LF/CR, DEL, 5 overrides, 4 isolates, 2 non-characters");
        assertTrue(validator.isValid(null, null));
        assertTrue(validator.isValid("<script>alert(1)</script>\t第一行\r\n第二行", null));
        assertFalse(validator.isValid("\u202Egnp.exe", null));
    }
}
