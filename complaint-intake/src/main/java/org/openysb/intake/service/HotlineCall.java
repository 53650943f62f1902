package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ComplaintType;

/** A validated 12345 work order, as the call-centre system pushed it. */
public record HotlineCall(
        String workOrderNumber,
        OffsetDateTime callTime,
        String callerPhone,
        String callerName,
        String operatorId,
        ComplaintType type,
        boolean urgent,
        String district,
        String summary,
        String content,
        String recordingRef,
        String categoryHint,
        String accusedUnit,
        boolean anonymous,
        boolean confidential,
        ComplainantKind complainantKind,
        String email,
        String idNumber,
        String creditCode,
        String contactPerson) {

    /** Everything that makes up the content (all but the number), for the canonical content hash. */
    public Map<String, Object> contentFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("callTime", callTime == null ? null : callTime.toInstant());
        fields.put("callerPhone", callerPhone);
        fields.put("callerName", callerName);
        fields.put("operatorId", operatorId);
        fields.put("type", type);
        fields.put("urgent", urgent);
        fields.put("district", district);
        fields.put("summary", summary);
        fields.put("content", content);
        fields.put("recordingRef", recordingRef);
        fields.put("categoryHint", categoryHint);
        fields.put("accusedUnit", accusedUnit);
        fields.put("anonymous", anonymous);
        fields.put("confidential", confidential);
        fields.put("complainantKind", complainantKind);
        fields.put("email", email);
        fields.put("idNumber", idNumber);
        fields.put("creditCode", creditCode == null ? null : creditCode.toUpperCase());
        fields.put("contactPerson", contactPerson);
        return fields;
    }
}
