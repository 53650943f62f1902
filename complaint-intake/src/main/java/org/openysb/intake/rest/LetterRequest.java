package org.openysb.intake.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ComplaintType;
import org.openysb.intake.rest.validation.CreditCode;
import org.openysb.intake.rest.validation.IdNumber;
import org.openysb.intake.rest.validation.PlainText;

/**
 * A letter (来信) as the letter clerk enters it: the JSON part {@code letter} of {@code POST /api/letters}; the scanned
 * pages are the file parts.
 */
public record LetterRequest(
        @NotBlank(message = "{openysb.letterReference.invalid}")
                @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9/-]{3,79}$", message = "{openysb.letterReference.invalid}")
                String letterReference,
        @NotNull(message = "{openysb.postmarkDate.required}") LocalDate postmarkDate,
        @NotNull(message = "{openysb.sender.required}") @Valid SenderRequest sender,
        @NotNull(message = "{openysb.type.required}") ComplaintType type,
        boolean urgent,
        @NotBlank(message = "{openysb.title.required}") @Size(max = 200) @PlainText String title,
        @NotBlank(message = "{openysb.content.required}") @Size(max = 5000) @PlainText String content,
        @NotBlank(message = "{openysb.district.required}") @Pattern(regexp = "^[A-Z0-9]{2,10}$") String district,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String categoryHint,
        @Pattern(regexp = "^[A-Z0-9]{2,20}$") String accusedUnit,
        boolean anonymous,
        boolean confidential) {

    /** The sender (寄信人): a letter may come without a phone number. */
    public record SenderRequest(
            @NotNull(message = "{openysb.complainant.kind.required}") ComplainantKind kind,
            @Size(max = 200) @PlainText String name,
            @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{openysb.mobile.invalid}") String mobile,
            @Email @Size(max = 200) String email,
            @Size(max = 500) @PlainText String address,
            @IdNumber String idNumber,
            @CreditCode String creditCode,
            @Size(max = 100) @PlainText String contactPerson) {

        @AssertTrue(message = "{openysb.complainant.name.required}")
        public boolean isNamedUnlessAnonymous() {
            return kind == ComplainantKind.ANONYMOUS || (name != null && !name.isBlank());
        }

        @AssertTrue(message = "{openysb.complainant.creditCode.required}")
        public boolean isEnterpriseIdentified() {
            return kind != ComplainantKind.ENTERPRISE || creditCode != null;
        }
    }

    /** Everything that makes up the letter's content (all but its reference), for the canonical content hash. */
    Map<String, Object> contentFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("postmarkDate", postmarkDate);
        fields.put("sender.kind", sender.kind());
        fields.put("sender.name", sender.name());
        fields.put("sender.mobile", sender.mobile());
        fields.put("sender.email", sender.email());
        fields.put("sender.address", sender.address());
        fields.put("sender.idNumber", sender.idNumber());
        fields.put(
                "sender.creditCode",
                sender.creditCode() == null ? null : sender.creditCode().toUpperCase());
        fields.put("sender.contactPerson", sender.contactPerson());
        fields.put("type", type);
        fields.put("urgent", urgent);
        fields.put("title", title);
        fields.put("content", content);
        fields.put("district", district);
        fields.put("categoryHint", categoryHint);
        fields.put("accusedUnit", accusedUnit);
        fields.put("anonymous", anonymous);
        fields.put("confidential", confidential);
        return fields;
    }
}
