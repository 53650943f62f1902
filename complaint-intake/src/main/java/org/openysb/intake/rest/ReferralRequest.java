package org.openysb.intake.rest;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.openysb.intake.model.ComplaintType;
import org.openysb.intake.rest.validation.PlainText;

/** A complaint referred by the Letters and Visits Bureau (信访局转办) or a deputy (人大代表转交). */
public record ReferralRequest(
        @NotBlank(message = "{openysb.referralReference.invalid}")
                @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9/-]{3,79}$", message = "{openysb.referralReference.invalid}")
                String referralReference,
        @NotNull(message = "{openysb.referringBody.required}") @Valid ReferringBody referringBody,
        @NotNull(message = "{openysb.referredAt.required}") OffsetDateTime referredAt,
        @NotNull(message = "{openysb.type.required}") ComplaintType type,
        boolean urgent,
        @NotBlank(message = "{openysb.title.required}") @Size(max = 200) @PlainText String title,
        @NotBlank(message = "{openysb.content.required}") @Size(max = 5000) @PlainText String content,
        @NotBlank(message = "{openysb.district.required}") @Pattern(regexp = "^[A-Z0-9]{2,10}$") String district,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String categoryHint,
        @Pattern(regexp = "^[A-Z0-9]{2,20}$") String accusedUnit,
        boolean anonymous,
        boolean confidential,
        @Valid SubmitComplaintRequest.ComplainantRequest complainant) {

    /** Who refers: the Letters and Visits Bureau (信访局) or a people's deputy (人大代表监督员). */
    public enum BodyKind {
        LETTERS_AND_VISITS_BUREAU,
        DEPUTY
    }

    public record ReferringBody(
            @NotNull(message = "{openysb.referringBody.kind.required}") BodyKind kind,
            @NotBlank(message = "{openysb.referringBody.name.required}") @Size(max = 200) @PlainText String name) {}

    @AssertTrue(message = "{openysb.complainant.required}")
    public boolean isComplainantGivenUnlessAnonymous() {
        return anonymous || complainant != null;
    }

    Map<String, Object> contentFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("referringBody.kind", referringBody.kind());
        fields.put("referringBody.name", referringBody.name());
        fields.put("referredAt", referredAt.toInstant());
        fields.put("type", type);
        fields.put("urgent", urgent);
        fields.put("title", title);
        fields.put("content", content);
        fields.put("district", district);
        fields.put("categoryHint", categoryHint);
        fields.put("accusedUnit", accusedUnit);
        fields.put("anonymous", anonymous);
        fields.put("confidential", confidential);
        if (complainant != null) {
            fields.put("complainant.kind", complainant.kind());
            fields.put("complainant.name", complainant.name());
            fields.put("complainant.mobile", complainant.mobile());
            fields.put("complainant.email", complainant.email());
            fields.put("complainant.idNumber", complainant.idNumber());
            fields.put(
                    "complainant.creditCode",
                    complainant.creditCode() == null
                            ? null
                            : complainant.creditCode().toUpperCase());
            fields.put("complainant.contactPerson", complainant.contactPerson());
        }
        return fields;
    }
}
