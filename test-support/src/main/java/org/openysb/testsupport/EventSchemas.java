package org.openysb.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;

/** Checks a CloudEvent as it was put on a topic against the JSON Schema of its type. */
public final class EventSchemas {
    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** Throws an AssertionError naming every violation when {@code json} does not match its type's schema. */
    public static EventType assertValid(String json) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        String ceType = node.path("type").asText();
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new AssertionError("unknown event type '" + ceType + "' in " + json));
        Set<ValidationMessage> errors = schema(type).validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(type.simpleName() + " does not match its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                    + "\n" + json);
        }
        return type;
    }

    public static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(t.schemaResource())) {
                if (in == null) {
                    throw new AssertionError("no schema " + t.schemaResource());
                }
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
