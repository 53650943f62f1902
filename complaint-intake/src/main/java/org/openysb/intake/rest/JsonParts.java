package org.openysb.intake.rest;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openysb.problem.DomainException;

/**
 * The JSON part of a multipart request (a letter, a web complaint with attachments), read and validated by hand as
 * the JSON body of a plain request would be: field errors in Chinese and English.
 */
@ApplicationScoped
class JsonParts {
    private final ObjectMapper json;
    private final FieldErrors fieldErrors;

    JsonParts(ObjectMapper json, FieldErrors fieldErrors) {
        this.json = json;
        this.fieldErrors = fieldErrors;
    }

    /**
     * @param part the form part's name ({@code letter})
     * @param what what the part holds, in Chinese ({@code 来信内容})
     */
    <T> T read(String value, Class<T> type, String part, String what) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(
                    part,
                    null,
                    "缺少" + what + "（表单字段 " + part + "，JSON）",
                    "the form part `" + part + "` (JSON) is required");
        }
        T parsed;
        try {
            parsed = json.readValue(value, type);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName()
                    : part;
            throw DomainException.invalidField(field == null ? part : field, null, "格式或取值不正确", "wrong format or value");
        }
        if (parsed == null) {
            throw DomainException.invalidField(part, null, "缺少" + what, "the form part `" + part + "` is empty");
        }
        var violations = fieldErrors.validate(parsed);
        if (!violations.isEmpty()) {
            throw new InvalidFields(fieldErrors.of(violations));
        }
        return parsed;
    }
}
