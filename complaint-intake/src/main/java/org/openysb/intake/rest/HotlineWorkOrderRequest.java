package org.openysb.intake.rest;

import java.time.OffsetDateTime;

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
import org.openysb.intake.service.HotlineCall;

/**
 * A 12345 work order (热线工单) pushed by the call-centre system or entered by a hotline operator. The same field
 * names are the column names of a CSV batch import.
 */
public record HotlineWorkOrderRequest(
        @NotBlank(message = "{openysb.workOrderNumber.invalid}")
                @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]{3,39}$", message = "{openysb.workOrderNumber.invalid}")
                String workOrderNumber,
        @NotNull(message = "{openysb.callTime.required}") OffsetDateTime callTime,
        @NotBlank(message = "{openysb.callerPhone.invalid}")
                @Pattern(
                        regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|12345)$",
                        message = "{openysb.callerPhone.invalid}")
                String callerPhone,
        @Size(max = 200) @PlainText String callerName,
        @NotBlank(message = "{openysb.operatorId.required}") @Pattern(regexp = "^[A-Za-z0-9_.-]{1,50}$")
                String operatorId,
        @NotNull(message = "{openysb.type.required}") ComplaintType type,
        boolean urgent,
        @NotBlank(message = "{openysb.district.required}") @Pattern(regexp = "^[A-Z0-9]{2,10}$") String district,
        @NotBlank(message = "{openysb.summary.required}") @Size(max = 200) @PlainText String summary,
        @Size(max = 5000) @PlainText String content,
        @Size(max = 200) @Pattern(regexp = "^[\\x21-\\x7E]*$") String recordingRef,
        @Pattern(regexp = "^[A-Z_]{2,50}$") String categoryHint,
        @Pattern(regexp = "^[A-Z0-9]{2,20}$") String accusedUnit,
        boolean anonymous,
        boolean confidential,
        ComplainantKind complainantKind,
        @Email @Size(max = 200) String email,
        @IdNumber String idNumber,
        @CreditCode String creditCode,
        @Size(max = 100) @PlainText String contactPerson) {

    HotlineCall toCall() {
        return new HotlineCall(
                workOrderNumber,
                callTime,
                callerPhone,
                blankToNull(callerName),
                operatorId,
                type,
                urgent,
                district,
                summary.strip(),
                blankToNull(content),
                blankToNull(recordingRef),
                blankToNull(categoryHint),
                blankToNull(accusedUnit),
                anonymous,
                confidential,
                complainantKind,
                blankToNull(email),
                blankToNull(idNumber),
                blankToNull(creditCode),
                blankToNull(contactPerson));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
