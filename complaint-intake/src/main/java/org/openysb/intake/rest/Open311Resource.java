package org.openysb.intake.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ComplaintType;
import org.openysb.intake.model.PersonalData;
import org.openysb.intake.rest.validation.PlainText;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.Open311Service;
import org.openysb.intake.service.QueryCodeThrottle;
import org.openysb.intake.service.ReferenceData;
import org.openysb.intake.service.SubmittedComplaint;
import org.openysb.problem.DomainException;

/**
 * Open311 GeoReport v2 façade (https://wiki.open311.org/GeoReport_v2): the responsibility matrix's categories are the
 * services; a request is a complaint on channel OPEN311. JSON or XML by the path's format; errors in Open311's own
 * format ({@code [{"code":400,"description":"…"}]} or {@code <errors><error>…}).
 */
@Path("/open311/v2")
@Tag(name = "open311", description = "Open311 GeoReport v2")
@PermitAll
public class Open311Resource {
    private static final String XML = "text/xml; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,20}$");
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]{1,3}(\\.[0-9]{1,12})?$");
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final PlainText.Validator PLAIN = new PlainText.Validator();

    private final Open311Service open311;
    private final ComplaintService complaints;
    private final ReferenceData reference;
    private final QueryCodeThrottle throttle;
    private final ObjectMapper json;

    public Open311Resource(
            Open311Service open311,
            ComplaintService complaints,
            ReferenceData reference,
            QueryCodeThrottle throttle,
            ObjectMapper json) {
        this.open311 = open311;
        this.complaints = complaints;
        this.reference = reference;
        this.throttle = throttle;
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

    @GET
    @Path("/services.{format}")
    @Operation(summary = "Service list (GeoReport v2): the complaint categories of the responsibility matrix")
    public Response services(@PathParam("format") String format) {
        return respond(format, () -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Open311Service.Service s : open311.services()) {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("service_code", s.code());
                service.put("service_name", s.nameZh());
                service.put("description", s.nameEn());
                service.put("metadata", true); // its attributes: GET services/{service_code}
                service.put("type", "realtime");
                service.put("keywords", s.nameEn());
                service.put("group", "营商环境");
                list.add(service);
            }
            return new Result(200, "services", "service", list);
        });
    }

    @GET
    @Path("/services/{code:[^/.]+}.{format}")
    @Operation(
            summary = "Service definition (GeoReport v2): the attributes a request for the category may carry",
            description = "district (singlevaluelist of the districts; required unless address_string names one) and"
                    + " type (singlevaluelist of the complaint types; 投诉 when absent). 404 for an unknown code.")
    public Response definition(@PathParam("code") String code, @PathParam("format") String format) {
        return respond(format, () -> {
            Open311Service.Service service =
                    open311.service(code).orElseThrow(() -> new Open311Error(404, "no service " + code));
            List<Map<String, Object>> districts = new ArrayList<>();
            for (String district : reference.districts()) {
                districts.add(value(district, reference.unitName(district)));
            }
            List<Map<String, Object>> types = new ArrayList<>();
            for (ComplaintType type : ComplaintType.values()) {
                types.add(value(type.name().toLowerCase(java.util.Locale.ROOT), TYPE_NAMES.get(type)));
            }
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("service_code", service.code());
            definition.put(
                    "attributes",
                    List.of(
                            attribute(
                                    "district",
                                    true,
                                    1,
                                    "所在区县 (district)",
                                    "区县代码；address_string 写明区县时可省略 (a district code; may be left out when"
                                            + " address_string names the district)",
                                    districts),
                            attribute(
                                    "type",
                                    false,
                                    2,
                                    "诉求类型 (kind of request)",
                                    "省略时为投诉 (complaint when left out)",
                                    types)));
            return Result.single("service_definition", definition);
        });
    }

    /** 诉求类型 as Open311 clients show them. */
    private static final Map<ComplaintType, String> TYPE_NAMES = Map.of(
            ComplaintType.INQUIRY, "咨询 (inquiry)",
            ComplaintType.HELP, "求助 (request for help)",
            ComplaintType.SUGGESTION, "意见建议 (suggestion)",
            ComplaintType.COMPLAINT, "投诉 (complaint)",
            ComplaintType.REPORT, "举报 (report of wrongdoing)");

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", key);
        value.put("name", name);
        return value;
    }

    private static Map<String, Object> attribute(
            String code,
            boolean required,
            int order,
            String description,
            String datatypeDescription,
            List<Map<String, Object>> values) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", code);
        attribute.put("datatype", "singlevaluelist");
        attribute.put("required", required);
        attribute.put("datatype_description", datatypeDescription);
        attribute.put("order", order);
        attribute.put("description", description);
        attribute.put("values", values);
        return attribute;
    }

    @POST
    @Path("/requests.{format}")
    // read as raw bytes and decoded here as UTF-8: the generic form parser would decode by another charset
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Create a service request (GeoReport v2), form-encoded",
            description = "service_code, description, a location (lat and long, address_string or address_id), the"
                    + " district as attribute[district] or named in address_string, optional attribute[type] (see the"
                    + " service definition), first_name, last_name,"
                    + " phone (mobile), email. The answer carries the case number as service_request_id and the query"
                    + " code in service_notice.")
    public Response create(
            @PathParam("format") String format,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return respond(format, () -> {
            if (contentType == null
                    || !contentType
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
                throw new Open311Error(415, "send the request as application/x-www-form-urlencoded");
            }
            NewComplaint complaint = toComplaint(parseForm(body));
            SubmittedComplaint receipt;
            try {
                receipt = complaints.submitComplaint(complaint);
            } catch (DomainException e) {
                throw new Open311Error(e.status(), e.titleEn() + ": " + e.getMessage());
            }
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("service_request_id", receipt.caseNumber());
            created.put(
                    "service_notice",
                    "已受理，案件编号 " + receipt.caseNumber() + "，查询码 " + receipt.queryCode()
                            + "，请妥善保存 (accepted: keep the case number and query code to track the case)");
            created.put("account_id", null);
            created.put("query_code", receipt.queryCode());
            return new Result(201, "service_requests", "request", List.of(created));
        });
    }

    @GET
    @Path("/requests/{id:[^/.]+}.{format}")
    @Operation(summary = "One service request (GeoReport v2): status open/closed, notes, the responsible agency")
    public Response request(
            @PathParam("id") String id, @PathParam("format") String format, @Context HttpServerRequest http) {
        String client = client(http);
        return respond(format, () -> {
            requireNotThrottled(client);
            Open311Service.RequestStatus status = open311.request(id).orElseThrow(() -> {
                throttle.recordWrongCode(client);
                return new Open311Error(404, "service_request_id not found: " + id);
            });
            return new Result(200, "service_requests", "request", List.of(view(status)));
        });
    }

    /** Most ids one GET of several requests may name. */
    static final int MAX_IDS = 50;

    @GET
    @Path("/requests.{format}")
    @Operation(
            summary = "Several service requests by id (GeoReport v2 service_request_id, comma-separated)",
            description = "At most 50 ids; unknown ids are left out (and count against the client like unknown ids"
                    + " of the single-request endpoint). Requests are not listed or searched without ids: complaints"
                    + " may be confidential, and a list would show every case's category and agency to anyone.")
    public Response requests(
            @PathParam("format") String format,
            @jakarta.ws.rs.QueryParam("service_request_id") String ids,
            @Context HttpServerRequest http) {
        String client = client(http);
        return respond(format, () -> {
            requireNotThrottled(client);
            if (ids == null || ids.isBlank()) {
                throw new Open311Error(
                        400,
                        "service_request_id is required (up to " + MAX_IDS + ", comma-separated): service requests"
                                + " are not listed or searched, as complaints may be confidential");
            }
            List<String> wanted = java.util.Arrays.stream(ids.split(","))
                    .map(String::strip)
                    .filter(id -> !id.isEmpty())
                    .distinct()
                    .toList();
            if (wanted.size() > MAX_IDS) {
                throw new Open311Error(400, "at most " + MAX_IDS + " service_request_id values per request");
            }
            List<Map<String, Object>> found = new ArrayList<>();
            for (String id : wanted) {
                open311.request(id)
                        .ifPresentOrElse(status -> found.add(view(status)), () -> throttle.recordWrongCode(client));
            }
            return new Result(200, "service_requests", "request", found);
        });
    }

    private static String client(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private void requireNotThrottled(String client) {
        try {
            throttle.requireNotThrottled(client);
        } catch (DomainException e) {
            throw new Open311Error(429, "too many requests for unknown service requests; try again later");
        }
    }

    /** A request as GeoReport v2 shows it: no complaint text, no personal data. */
    private Map<String, Object> view(Open311Service.RequestStatus status) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", status.caseNumber());
        request.put("status", status.closed() ? "closed" : "open");
        request.put("status_notes", status.statusNotes());
        request.put("service_name", status.serviceName());
        request.put("service_code", status.serviceCode());
        request.put("agency_responsible", status.agencyResponsible());
        request.put("service_notice", null);
        request.put("requested_datetime", format(status.requestedAt()));
        request.put("updated_datetime", format(status.updatedAt()));
        return request;
    }

    private NewComplaint toComplaint(MultivaluedMap<String, String> form) {
        String serviceCode = single(form, "service_code");
        if (serviceCode == null) {
            throw new Open311Error(400, "service_code is required");
        }
        Open311Service.Service service = open311.service(serviceCode)
                .orElseThrow(() -> new Open311Error(400, "service_code not found: " + serviceCode));
        String description = single(form, "description");
        if (description == null) {
            throw new Open311Error(400, "description is required");
        }
        if (description.length() > 4000) {
            throw new Open311Error(400, "description is longer than 4000 characters");
        }
        String lat = single(form, "lat");
        String lon = single(form, "long");
        String address = single(form, "address_string");
        String addressId = single(form, "address_id");
        if ((lat == null) != (lon == null)) {
            throw new Open311Error(400, "lat and long must be given together");
        }
        if (lat != null
                && (!NUMBER.matcher(lat).matches() || !NUMBER.matcher(lon).matches())) {
            throw new Open311Error(400, "lat and long must be decimal degrees");
        }
        if (lat == null && address == null && addressId == null) {
            throw new Open311Error(400, "a location is required: lat and long, address_string or address_id");
        }
        if (address != null && address.length() > 500) {
            throw new Open311Error(400, "address_string is longer than 500 characters");
        }
        String district = districtOf(single(form, "attribute[district]"), address);
        ComplaintType type = typeOf(single(form, "attribute[type]"));
        String firstName = single(form, "first_name");
        String lastName = single(form, "last_name");
        String phone = single(form, "phone");
        String email = single(form, "email");
        String mediaUrl = single(form, "media_url");
        for (String[] text : new String[][] {
            {"description", description},
            {"address_string", address},
            {"first_name", firstName},
            {"last_name", lastName},
            {"address_id", addressId}
        }) {
            if (text[1] != null && !PLAIN.isValid(text[1], null)) {
                throw new Open311Error(400, text[0] + " must not contain control characters");
            }
        }
        if ((firstName != null && firstName.length() > 100) || (lastName != null && lastName.length() > 100)) {
            throw new Open311Error(400, "first_name and last_name are at most 100 characters");
        }
        if (phone != null && !PersonalData.isValidMobile(phone.replace(" ", "").replace("-", ""))) {
            throw new Open311Error(400, "phone must be a mainland mobile number (11 digits starting with 1)");
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            throw new Open311Error(400, "email is not a valid address");
        }
        if (mediaUrl != null && (mediaUrl.length() > 500 || !mediaUrl.matches("^https?://[\\x21-\\x7E]+$"))) {
            throw new Open311Error(400, "media_url must be an http(s) URL of at most 500 characters");
        }
        StringBuilder content = new StringBuilder(description.strip());
        if (address != null) {
            content.append("\n地址：").append(address.strip());
        }
        if (addressId != null) {
            content.append("\n地址编号：").append(addressId.strip());
        }
        if (lat != null) {
            content.append("\n坐标：").append(lat).append(',').append(lon);
        }
        if (mediaUrl != null) {
            content.append("\n图片：").append(mediaUrl);
        }
        String oneLine = description.strip().replaceAll("\\s+", " ");
        String title = service.nameZh() + "：" + (oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine);
        String name =
                ((lastName == null ? "" : lastName.strip()) + (firstName == null ? "" : firstName.strip())).strip();
        String mobile = phone == null ? null : phone.replace(" ", "").replace("-", "");
        boolean named = !name.isEmpty();
        return new NewComplaint(
                Channel.OPEN311,
                type,
                false,
                title,
                content.toString(),
                district,
                service.code(),
                null,
                !named,
                false,
                OffsetDateTime.now(ComplaintService.CHINA),
                named ? ComplainantKind.PERSON : ComplainantKind.ANONYMOUS,
                named ? name : null,
                mobile,
                email,
                null,
                null,
                null,
                null);
    }

    /** attribute[type] (a key of the service definition's values), else 投诉; 400 for another value. */
    private static ComplaintType typeOf(String key) {
        if (key == null) {
            return ComplaintType.COMPLAINT;
        }
        for (ComplaintType type : ComplaintType.values()) {
            if (type.name().equalsIgnoreCase(key)) {
                return type;
            }
        }
        throw new Open311Error(
                400, "attribute[type] is not one of inquiry, help, suggestion, complaint, report: " + key);
    }

    /** attribute[district] (a district code), else a district named in the address; 400 when neither. */
    private String districtOf(String code, String address) {
        if (code != null) {
            try {
                reference.requireDistrict(code);
            } catch (DomainException e) {
                throw new Open311Error(400, "attribute[district] is not a known district: " + code);
            }
            return code;
        }
        if (address != null) {
            for (String district : reference.districts()) {
                if (address.contains(
                        reference.unitName(district).replace("人民政府", "").replace("管委会", ""))) {
                    return district;
                }
            }
        }
        throw new Open311Error(
                400,
                "the district is required: attribute[district] (one of " + String.join(", ", reference.districts())
                        + ") or a district named in address_string");
    }

    /** application/x-www-form-urlencoded, always UTF-8 (GeoReport v2 is UTF-8 throughout). */
    static MultivaluedMap<String, String> parseForm(byte[] body) {
        MultivaluedMap<String, String> form = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        if (body == null || body.length == 0) {
            return form;
        }
        for (String pair : new String(body, java.nio.charset.StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(
                        eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0
                        ? ""
                        : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                form.add(name, value);
            } catch (IllegalArgumentException e) {
                throw new Open311Error(400, "the form is not correctly url-encoded");
            }
        }
        return form;
    }

    private static String single(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String format(OffsetDateTime t) {
        return t == null ? null : W3C.format(t);
    }

    /**
     * A response body: a list of objects, named {@code root}/{@code element} in XML — or, when {@code element} is null,
     * the one object {@code items[0]} (named {@code root} in XML).
     */
    private record Result(int status, String root, String element, List<Map<String, Object>> items) {
        static Result single(String root, Map<String, Object> object) {
            return new Result(200, root, null, List.of(object));
        }
    }

    private Response respond(String format, java.util.function.Supplier<Result> action) {
        boolean xml = "xml".equals(format);
        if (!xml && !"json".equals(format)) {
            return error(false, 404, "unknown format: " + format + " (json or xml)");
        }
        try {
            Result result = action.get();
            return Response.status(result.status())
                    .type(xml ? XML : JSON)
                    .entity(body(result, xml))
                    .build();
        } catch (Open311Error e) {
            return error(xml, e.code, e.getMessage());
        }
    }

    private Response error(boolean xml, int code, String description) {
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
