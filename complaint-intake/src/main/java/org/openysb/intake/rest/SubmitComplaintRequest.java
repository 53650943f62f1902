package org.openysb.intake.rest;

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
 * A complaint filed on the web (网上投诉). {@code mobileVerification} is the token notification-service issued for the
 * complainant's mobile after a correct SMS code (手机号验证); required whenever a mobile is given, unless the caller is
 * signed in with that number verified.
 */
public record SubmitComplaintRequest(
        @NotNull(message = "{openysb.type.required}") ComplaintType type,
        boolean urgent,
        @NotBlank(message = "{openysb.title.required}") @Size(max = 200) @PlainText String title,
        @NotBlank(message = "{openysb.content.required}") @Size(max = 5000) @PlainText String content,
        @NotBlank(message = "{openysb.district.required}") @Pattern(regexp = "^[A-Z0-9]{2,10}$") String district,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String categoryHint,
        @Pattern(regexp = "^[A-Z0-9]{2,20}$") String accusedUnit,
        boolean anonymous,
        boolean confidential,
        @Valid ComplainantRequest complainant,
        @Size(max = 100) String mobileVerification) {

    /** A named complaint needs a complainant; an anonymous one may leave a contact. */
    @AssertTrue(message = "{openysb.complainant.required}")
    public boolean isComplainantGivenUnlessAnonymous() {
        return anonymous || complainant != null;
    }

    /** The person or enterprise who complains. */
    public record ComplainantRequest(
            @NotNull(message = "{openysb.complainant.kind.required}") ComplainantKind kind,
            @Size(max = 200) @PlainText String name,
            @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{openysb.mobile.invalid}") String mobile,
            @Email @Size(max = 200) String email,
            @IdNumber String idNumber,
            @CreditCode String creditCode,
            @Size(max = 100) @PlainText String contactPerson) {

        @AssertTrue(message = "{openysb.complainant.name.required}")
        public boolean isNamedUnlessAnonymous() {
            return kind == ComplainantKind.ANONYMOUS || (name != null && !name.isBlank());
        }

        @AssertTrue(message = "{openysb.complainant.mobile.required}")
        public boolean isReachableUnlessAnonymous() {
            return kind == ComplainantKind.ANONYMOUS || mobile != null;
        }

        @AssertTrue(message = "{openysb.complainant.creditCode.required}")
        public boolean isEnterpriseIdentified() {
            return kind != ComplainantKind.ENTERPRISE || creditCode != null;
        }
    }
}
