package org.openysb.testsupport.sweep;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The malformed requests of one OpenAPI operation: bad path and query values, bodies that are not JSON or not the
 * schema's shape, wrong types field by field, huge strings and control characters. Each request is wrong in one way
 * only, and a body never carries the other required fields, so none of them is accepted and nothing is stored.
 */
final class MalformedRequests {
    /** A string far above any field's limit, yet well below the JSON body limit: it reaches validation. */
    static final int HUGE_STRING = 100_000;
    /** A body above the JSON body limit ({@code openysb.http.max-json-body-size}, 256 KiB by default). */
    static final int TOO_LARGE_BODY = 600 * 1024;
    /** What a JSON body above the limit is called in the report; it must be refused with 413. */
    static final String TOO_LARGE_JSON = "JSON body of 600 KiB";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CONTROL = "a\u0000b\u0007c\u001bd\u202ee\uFEFF";
    private static final List<String[]> BAD_PATH_VALUES = List.of(
            new String[] {"long value", "x".repeat(2_000)},
            new String[] {"%00", "%00"},
            new String[] {"invalid UTF-8", "%FF%FE"},
            new String[] {"control characters", "a%07%1B%7F"},
            new String[] {"Chinese", "%E4%B8%AD%E6%96%87"},
            new String[] {"encoded slash and dots", "..%2F..%2Fq%2Fhealth"},
            new String[] {"quote and brackets", "%27%22%3Cscript%3E"});

    private final JsonNode document;
    private final String operation;
    private final String method;
    private final String template;
    private final List<JsonNode> parameters;
    private final JsonNode requestBody;
    private final List<SweepRequest> requests = new ArrayList<>();

    private MalformedRequests(JsonNode document, String method, String template, JsonNode pathItem, JsonNode op) {
        this.document = document;
        this.method = method.toUpperCase(Locale.ROOT);
        this.template = template;
        this.operation = this.method + " " + template;
        this.parameters = new ArrayList<>();
        for (JsonNode holder : List.of(pathItem, op)) {
            for (JsonNode parameter : holder.path("parameters")) {
                parameters.add(resolve(parameter));
            }
        }
        this.requestBody = op.has("requestBody") ? resolve(op.get("requestBody")) : null;
    }

    static List<SweepRequest> of(JsonNode document, String method, String template, JsonNode pathItem, JsonNode op) {
        MalformedRequests generator = new MalformedRequests(document, method, template, pathItem, op);
        generator.badPathValues();
        generator.badQueryValues();
        generator.badBodies();
        return generator.requests;
    }

    private void badPathValues() {
        for (JsonNode parameter : parameters) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = schemaOf(parameter);
            List<String[]> values = new ArrayList<>(BAD_PATH_VALUES);
            String typed = wrongScalar(schema);
            if (typed != null) {
                values.add(0, new String[] {"not a " + describe(schema), typed});
            }
            for (String[] value : values) {
                add("path " + name + ": " + value[0], path(name, value[1]) + query(null, null), null, null);
            }
        }
    }

    private void badQueryValues() {
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = schemaOf(parameter);
            String typed = wrongScalar(schema);
            if (typed != null) {
                add("query " + name + ": not a " + describe(schema), path(null, null) + query(name, typed), null, null);
            }
            add("query " + name + ": long value", path(null, null) + query(name, "x".repeat(2_000)), null, null);
            add("query " + name + ": control characters", path(null, null) + query(name, "a%00b%07c"), null, null);
        }
    }

    private void badBodies() {
        if (requestBody == null) {
            return;
        }
        String base = path(null, null) + query(null, null);
        Iterator<Map.Entry<String, JsonNode>> contents =
                requestBody.path("content").fields();
        while (contents.hasNext()) {
            Map.Entry<String, JsonNode> content = contents.next();
            String type = content.getKey();
            JsonNode schema = resolve(content.getValue().path("schema"));
            if (type.contains("json") && !type.contains("ndjson")) {
                jsonBodies(base, type, schema);
            } else if (type.startsWith("multipart/")) {
                multipartBodies(base, schema);
            } else {
                otherBodies(base, type.equals("*/*") ? "application/x-www-form-urlencoded" : type);
            }
        }
    }

    private void jsonBodies(String base, String type, JsonNode schema) {
        for (String raw : List.of("[]", "{", "{}", "null", "\"text\"", "123", "{\"a\":", "[{}]", "{\"a\":1}}")) {
            add("body " + raw, base, type, raw.getBytes(StandardCharsets.UTF_8));
        }
        add("body not UTF-8", base, type, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        });
        add("body empty", base, type, new byte[0]);
        byte[] large = ("{\"x\":\"" + "a".repeat(TOO_LARGE_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        add(TOO_LARGE_JSON, base, type, large);
        requests.add(new SweepRequest(operation, method, base, type, large, true, TOO_LARGE_JSON + ", chunked"));
        add("body as text/plain", base, "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        collectFields("", schema, fields, 0);
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            JsonNode fieldSchema = field.getValue();
            add(
                    "field " + field.getKey() + ": wrong type",
                    base,
                    type,
                    bodyWith(field.getKey(), wrongJson(fieldSchema)));
            add(
                    "field " + field.getKey() + ": huge string",
                    base,
                    type,
                    bodyWith(field.getKey(), NODES.textNode("x".repeat(HUGE_STRING))));
            add(
                    "field " + field.getKey() + ": control characters",
                    base,
                    type,
                    bodyWith(field.getKey(), NODES.textNode(CONTROL)));
        }
    }

    private void multipartBodies(String base, JsonNode schema) {
        String boundary = "sweep-boundary";
        String type = "multipart/form-data; boundary=" + boundary;
        add("multipart not multipart", base, type, "[]".getBytes(StandardCharsets.UTF_8));
        add("multipart unterminated", base, type, ("--" + boundary + "\r\nContent-Disposition: form-data").getBytes());
        add("multipart of 600 KiB", base, type, multipart(boundary, "x", "a".repeat(TOO_LARGE_BODY)));
        for (Iterator<String> names = resolve(schema).path("properties").fieldNames(); names.hasNext(); ) {
            String part = names.next();
            for (String[] value : List.of(
                    new String[] {"[]", "[]"},
                    new String[] {"{", "{"},
                    new String[] {"huge string", "x".repeat(HUGE_STRING)},
                    new String[] {"control characters", CONTROL})) {
                add("part " + part + ": " + value[0], base, type, multipart(boundary, part, value[1]));
            }
        }
    }

    private void otherBodies(String base, String type) {
        add("body [] as " + type, base, type, "[]".getBytes(StandardCharsets.UTF_8));
        add("body binary as " + type, base, type, new byte[] {0, (byte) 0xFF, (byte) 0xFE, 1, 2, '%', 'z', 'z'});
        add("body of control characters as " + type, base, type, CONTROL.getBytes(StandardCharsets.UTF_8));
        add(
                "body of 600 KiB as " + type,
                base,
                type,
                "a=".concat("b".repeat(TOO_LARGE_BODY)).getBytes());
    }

    private static byte[] multipart(String boundary, String part, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"\r\n"
                        + "Content-Type: application/json\r\n\r\n" + value + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The fields of a JSON body by their dotted path: the top level and the objects directly inside it. */
    private void collectFields(String prefix, JsonNode schema, Map<String, JsonNode> fields, int depth) {
        JsonNode resolved = resolve(schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = properties(resolved).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = prefix + property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            fields.put(name, propertySchema);
            if (depth < 1 && "object".equals(typeOf(propertySchema))) {
                collectFields(name + ".", propertySchema, fields, depth + 1);
            }
        }
        if ("array".equals(typeOf(resolved)) && depth == 0) {
            collectFields("[]", resolved.path("items"), fields, depth + 1);
        }
    }

    /** A body with only {@code field} (a dotted path; {@code []} for an array's item) set to {@code value}. */
    private static byte[] bodyWith(String field, JsonNode value) {
        JsonNode body;
        if (field.startsWith("[]")) {
            ObjectNode item = NODES.objectNode();
            set(item, field.substring(2), value);
            body = NODES.arrayNode().add(item);
        } else {
            ObjectNode object = NODES.objectNode();
            set(object, field, value);
            body = object;
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(ObjectNode object, String dotted, JsonNode value) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            object.set(dotted, value);
        } else {
            set(object.putObject(dotted.substring(0, dot)), dotted.substring(dot + 1), value);
        }
    }

    /** A JSON value of another type than the schema's. */
    private JsonNode wrongJson(JsonNode schema) {
        if (schema.has("enum")) {
            return NODES.textNode("NO_SUCH_VALUE");
        }
        String format = schema.path("format").asText();
        return switch (typeOf(schema)) {
            case "integer", "number" -> NODES.textNode("not-a-number");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.objectNode().put("not", "an array");
            case "object" -> NODES.textNode("not an object");
            default -> switch (format) {
                case "date-time", "date", "uuid", "email" -> NODES.textNode("not-a-" + format);
                default -> NODES.objectNode().put("not", "a string");
            };
        };
    }

    /** A path or query value of another type than the schema's, or null for a plain string. */
    private String wrongScalar(JsonNode schema) {
        if (schema.has("enum")) {
            return "NO_SUCH_VALUE";
        }
        return switch (typeOf(schema)) {
            case "integer", "number" -> "not-a-number";
            case "boolean" -> "maybe";
            default -> switch (schema.path("format").asText()) {
                case "uuid" -> "not-a-uuid";
                case "date-time", "date" -> "not-a-date";
                default -> null;
            };
        };
    }

    private String describe(JsonNode schema) {
        String format = schema.path("format").asText();
        return schema.has("enum") ? "known value" : format.isEmpty() ? typeOf(schema) : format;
    }

    /** The path with {@code name} set to {@code raw} (already encoded) and every other parameter to a sample. */
    private String path(String name, String raw) {
        String path = template;
        for (JsonNode parameter : parameters) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String parameterName = parameter.path("name").asText();
            String value = parameterName.equals(name) ? raw : encode(sample(schemaOf(parameter)));
            path = path.replace("{" + parameterName + "}", value);
        }
        return path;
    }

    /** The required query parameters with samples, and {@code name} set to {@code raw} (already encoded). */
    private String query(String name, String raw) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            String parameterName = parameter.path("name").asText();
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String value = parameterName.equals(name)
                    ? raw
                    : parameter.path("required").asBoolean() ? encode(sample(schemaOf(parameter))) : null;
            if (value != null) {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(encode(parameterName))
                        .append('=')
                        .append(value);
            }
        }
        return query.toString();
    }

    /** A well-formed value of the schema's type (that names nothing that exists). */
    private String sample(JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        return switch (typeOf(schema)) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> switch (schema.path("format").asText()) {
                case "uuid" -> "00000000-0000-4000-8000-000000000000";
                case "date-time" -> "2099-01-01T00:00:00Z";
                case "date" -> "2099-01-01";
                default -> "SWEEP0000";
            };
        };
    }

    private JsonNode schemaOf(JsonNode parameter) {
        return resolve(parameter.path("schema"));
    }

    private JsonNode properties(JsonNode schema) {
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                merged.setAll((ObjectNode) properties(resolve(part)));
            }
            return merged;
        }
        JsonNode properties = schema.path("properties");
        return properties.isObject() ? properties : NODES.objectNode();
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    private String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") || schema.has("allOf") ? "object" : "string";
    }

    /** Follows {@code $ref} (to {@code #/components/...}) until a definition. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
        }
        return current;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void add(String what, String path, String contentType, byte[] body) {
        requests.add(new SweepRequest(operation, method, path, contentType, body, false, what));
    }
}
