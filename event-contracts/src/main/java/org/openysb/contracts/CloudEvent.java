package org.openysb.contracts;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code subject} is always the case number (案件编号), which is
 * also the Kafka record key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    public static CloudEvent of(EventType type, String source, String caseNumber, OffsetDateTime time, JsonNode data) {
        return new CloudEvent(
                SPEC_VERSION,
                UUID.randomUUID().toString(),
                source,
                type.ceType(),
                caseNumber,
                time,
                "application/json",
                type.dataSchema(),
                data);
    }

    public <T> T dataAs(Class<T> dataType) {
        return EventJson.convert(data, dataType);
    }
}
