package org.openysb.contracts;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every event type has a schema that names it; the producers' own tests validate what they emit against it. */
class SchemaCatalogueTest {
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaThatNamesItsTypeAndDataSchema(EventType type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertNotNull(in, "missing " + type.schemaResource());
            JsonNode schema = EventJson.mapper().readTree(in);
            assertEquals(type.dataSchema(), schema.path("$id").asText());
            assertEquals(
                    type.ceType(),
                    schema.path("properties").path("type").path("const").asText());
            assertEquals(
                    type.dataSchema(),
                    schema.path("properties").path("dataschema").path("const").asText());
        }
    }
}
