package org.openysb.intake.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.model.ComplaintType;
import org.openysb.intake.rest.Open311Documents.Open311Error;
import org.openysb.intake.rest.Open311Documents.Result;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.Open311Service;
import org.openysb.intake.service.QueryCodeThrottle;
import org.openysb.intake.service.ReferenceData;
import org.openysb.intake.service.SubmittedComplaint;
import org.openysb.problem.DomainException;
import org.openysb.problem.OwnErrorFormat;

/**
 * Open311 GeoReport v2 façade (https://wiki.open311.org/GeoReport_v2): the responsibility matrix's categories are the
 * services; a request is a complaint on channel OPEN311. JSON or XML by the path's format; errors in Open311's own
 * format ({@code [{"code":400,"description":"…"}]} or {@code <errors><error>…}), hence {@link OwnErrorFormat}.
 * Requests are shown only when the public may see them at all (see {@code PublicVisibility}): never a confidential
 * case, nor one about officials' conduct.
 */
@Path("/open311/v2")
@Tag(name = "open311", description = "Open311 GeoReport v2")
@PermitAll
@OwnErrorFormat
public class Open311Resource {
    private final Open311Service open311;
    private final ComplaintService complaints;
    private final ReferenceData reference;
    private final QueryCodeThrottle throttle;
    private final Open311Documents documents;
    private final Open311Forms forms;
    private final Open311Queries queries;
    private final Open311Discovery discovery;

    public Open311Resource(
            Open311Service open311,
            ComplaintService complaints,
            ReferenceData reference,
            QueryCodeThrottle throttle,
            Open311Documents documents,
            Open311Forms forms,
            Open311Queries queries,
            Open311Discovery discovery) {
        this.open311 = open311;
        this.complaints = complaints;
        this.reference = reference;
        this.throttle = throttle;
        this.documents = documents;
        this.forms = forms;
        this.queries = queries;
        this.discovery = discovery;
    }

    @GET
    @Path("/discovery.{format}")
    @Operation(
            summary = "Service discovery (GeoReport v2): this endpoint, its formats, changeset and contact",
            description = "Also at /open311/discovery.{format}.")
    public Response discovery(
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format,
            @Context UriInfo uri) {
        return documents.respond(format, () -> Result.single("discovery", discovery.document(uri)));
    }

    @GET
    @Path("/services.{format}")
    @Operation(summary = "Service list (GeoReport v2): the complaint categories of the responsibility matrix")
    public Response services(
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format) {
        return documents.respond(format, () -> {
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
    public Response definition(
            @PathParam("code") String code,
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format) {
        return documents.respond(format, () -> {
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
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            byte[] body) {
        return documents.respond(format, () -> {
            if (contentType == null
                    || !contentType
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
                throw new Open311Error(415, "send the request as application/x-www-form-urlencoded");
            }
            NewComplaint complaint = forms.toComplaint(Open311Forms.parseForm(body));
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
                            + "，请妥善保存 (accepted: keep the case number and query code to track the case)"
                            + (open311.withheld(complaint.categoryHint())
                                    ? "。此类诉求不在公开接口中显示，请凭案件编号和查询码查询办理进度 (requests of this"
                                            + " service are not shown publicly: track it with the case number and"
                                            + " query code)"
                                    : ""));
            created.put("account_id", null);
            created.put("query_code", receipt.queryCode());
            return new Result(201, "service_requests", "request", List.of(created));
        });
    }

    @GET
    @Path("/requests/{id:[^/.]+}.{format}")
    @Operation(
            summary = "One service request (GeoReport v2): status open/closed, notes, the responsible agency",
            description = "404 for an unknown id, a case of another channel and a case the public may not see alike;"
                    + " each counts against the client's throttle of unknown ids.")
    public Response request(
            @PathParam("id") String id,
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format,
            @Context HttpServerRequest http) {
        String client = client(http);
        return documents.respond(format, () -> {
            requireNotThrottled(client);
            List<Open311Service.RequestStatus> found = known(List.of(id), client);
            if (found.isEmpty()) {
                throw new Open311Error(404, "service_request_id not found: " + Open311Queries.abbreviate(id));
            }
            return new Result(200, "service_requests", "request", List.of(view(found.get(0))));
        });
    }

    @GET
    @Path("/requests.{format}")
    @Operation(
            summary = "Get Service Requests (GeoReport v2): by id, or by service, dates and status, newest first",
            description = "service_request_id: up to 50 comma-separated ids (overrides every other filter; unknown"
                    + " ids are left out and count against the client like unknown ids of requests/{id}). Otherwise"
                    + " the requests received between start_date and end_date (W3C date-times; the last 90 days"
                    + " by default, at most 90 days), of service_code (comma-separated), with status open or closed,"
                    + " page (from 1) of page_size (at most 1,000, the default); a Link header names the next page."
                    + " Only requests the public may see, and only once routed: never a confidential case nor one"
                    + " about officials' conduct. Public fields only: no description, address or personal data.")
    public Response requests(
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format,
            @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize,
            @Context UriInfo uri,
            @Context HttpServerRequest http) {
        String client = client(http);
        return documents.respond(format, () -> {
            requireNotThrottled(client);
            if (ids != null && !ids.isBlank()) {
                List<Map<String, Object>> found = new ArrayList<>();
                for (Open311Service.RequestStatus request : known(queries.ids(ids), client)) {
                    found.add(view(request));
                }
                return new Result(200, "service_requests", "request", found);
            }
            Open311Service.RequestQuery query = queries.query(serviceCode, startDate, endDate, status, page, pageSize);
            Open311Service.RequestPage result = open311.requests(query);
            List<Map<String, Object>> found = new ArrayList<>();
            for (Open311Service.RequestStatus request : result.requests()) {
                found.add(view(request));
            }
            URI next = result.more()
                    ? uri.getRequestUriBuilder()
                            .replaceQueryParam("page", query.page() + 1)
                            .build()
                    : null;
            return new Result(200, "service_requests", "request", found, next);
        });
    }

    /**
     * The requests among these ids that the public may see, in the order asked; every other id (malformed, unknown,
     * of another channel, withheld) counts against the client's throttle.
     */
    private List<Open311Service.RequestStatus> known(List<String> ids, String client) {
        List<String> wellFormed = ids.stream()
                .filter(id -> Open311Queries.CASE_NUMBER.matcher(id).matches())
                .toList();
        List<Open311Service.RequestStatus> found = wellFormed.isEmpty() ? List.of() : open311.requests(wellFormed);
        for (int i = found.size(); i < ids.size(); i++) {
            throttle.recordWrongCode(client);
        }
        return found;
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

    /**
     * A request as GeoReport v2 shows it, public fields only: no description, no address or location, no media, no
     * personal data.
     */
    private static Map<String, Object> view(Open311Service.RequestStatus status) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", status.caseNumber());
        request.put("status", status.closed() ? "closed" : "open");
        request.put("status_notes", status.statusNotes());
        request.put("service_name", status.serviceName());
        request.put("service_code", status.serviceCode());
        request.put("agency_responsible", status.agencyResponsible());
        request.put("service_notice", null);
        request.put("requested_datetime", Open311Documents.format(status.requestedAt()));
        request.put("updated_datetime", Open311Documents.format(status.updatedAt()));
        request.put("expected_datetime", Open311Documents.format(status.expectedAt()));
        return request;
    }
}
