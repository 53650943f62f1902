package org.openysb.intake.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open311's documents: a result as JSON or XML by the path's format ({@code .json}, {@code .xml}), and failures in
 * Open311's own error format ({@code [{"code":400,"description":"…"}]} or {@code <errors><error>…}).
 */
@ApplicationScoped
class Open311Documents {
    private static final String XML = "text/xml; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ObjectMapper json;

    Open311Documents(ObjectMapper json) {
        this.json = json;
    }

    /** A failure in Open311's error format. */
    static final class Open311Error extends RuntimeException {
        final int code;

        Open311Error(int code, String description) {
            super(description);
            this.code = code;
        }
    }

    static String format(OffsetDateTime t) {
        return t == null ? null : W3C.format(t);
    }

    /**
     * A response body: a list of objects, named {@code root}/{@code element} in XML — or, when {@code element} is null,
     * the one object {@code items[0]} (named {@code root} in XML); {@code next}, when not null, the next page's address
     * (a {@code Link} header with {@code rel="next"}).
     */
    record Result(int status, String root, String element, List<Map<String, Object>> items, URI next) {
        Result(int status, String root, String element, List<Map<String, Object>> items) {
            this(status, root, element, items, null);
        }

        static Result single(String root, Map<String, Object> object) {
            return new Result(200, root, null, List.of(object));
        }
    }

    /** The action's result in the format the path names; its {@link Open311Error} in Open311's error format. */
    Response respond(String format, Supplier<Result> action) {
        boolean xml = "xml".equals(format);
        if (!xml && !"json".equals(format)) {
            return error(false, 404, "unknown format: " + format + " (json or xml)");
        }
        try {
            Result result = action.get();
            Response.ResponseBuilder response =
                    Response.status(result.status()).type(xml ? XML : JSON).entity(body(result, xml));
            if (result.next() != null) {
                response.link(result.next(), "next");
            }
            return response.build();
        } catch (Open311Error e) {
            return error(xml, e.code, e.getMessage());
        }
    }

    Response error(boolean xml, int code, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        return Response.status(code)
                .type(xml ? XML : JSON)
                .entity(xml ? toXml("errors", "error", List.of(error)) : toJson(List.of(error)))
                .build();
    }

    /** The result as JSON or XML: its list of objects, or its one object when it names no element. */
    private String body(Result result, boolean xml) {
        if (result.element() == null) {
            Map<String, Object> object = result.items().get(0);
            return xml ? toXml(result.root(), object) : toJson(object);
        }
        return xml ? toXml(result.root(), result.element(), result.items()) : toJson(result.items());
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toXml(String root, String element, List<Map<String, Object>> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<")
                .append(root)
                .append('>');
        for (Map<String, Object> item : items) {
            appendXml(xml, element, item);
        }
        return xml.append("</").append(root).append('>').toString();
    }

    /** One object as the document's root element. */
    static String toXml(String root, Map<String, Object> object) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        appendXml(xml, root, object);
        return xml.toString();
    }

    /**
     * An element: an object's fields as child elements, a list's items each as an element named in the singular
     * ({@code attributes} → {@code attribute}), anything else as text.
     */
    private static void appendXml(StringBuilder xml, String name, Object value) {
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((child, v) -> appendXml(xml, String.valueOf(child), v));
        } else if (value instanceof List<?> list) {
            String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (Object item : list) {
                appendXml(xml, singular, item);
            }
        } else if (value != null) {
            xml.append(escape(String.valueOf(value)));
        }
        xml.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
