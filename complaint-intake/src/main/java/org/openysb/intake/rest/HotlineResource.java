package org.openysb.intake.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.service.HotlineReceipt;
import org.openysb.intake.service.HotlineService;
import org.openysb.intake.service.ReferenceData;
import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;

@Path("/api/hotline/work-orders")
@Tag(name = "hotline", description = "12345 热线工单 (hotline work orders)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"hotline-operator", "call-centre"})
public class HotlineResource {
    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(HotlineResource.class);
    private static final Set<String> COLUMNS = Arrays.stream(HotlineWorkOrderRequest.class.getRecordComponents())
            .map(c -> c.getName())
            .collect(Collectors.toUnmodifiableSet());

    private final HotlineService hotline;
    private final ReferenceData reference;
    private final ObjectMapper json;
    private final FieldErrors fieldErrors;
    private final IntakeConfig config;

    public HotlineResource(
            HotlineService hotline,
            ReferenceData reference,
            ObjectMapper json,
            FieldErrors fieldErrors,
            IntakeConfig config) {
        this.hotline = hotline;
        this.reference = reference;
        this.json = json;
        this.fieldErrors = fieldErrors;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Push a 12345 work order (推送热线工单)",
            description = "201 for a new work order; 200 with the same case when the same work order is pushed again;"
                    + " 409 when the number was already pushed with different content")
    public Response push(
            @NotNull(message = "{openysb.body.required}") @Valid HotlineWorkOrderRequest request, UriInfo uri) {
        checkReferences(request);
        HotlineReceipt receipt = hotline.acceptWorkOrder(request.toCall());
        URI location =
                uri.getBaseUriBuilder().path("api/complaints/{caseNumber}").build(receipt.caseNumber());
        HotlineWorkOrderResponse body = new HotlineWorkOrderResponse(
                receipt.workOrderNumber(),
                receipt.caseNumber(),
                receipt.queryCode(),
                receipt.receivedAt(),
                receipt.status(),
                location + "?queryCode=" + receipt.queryCode());
        return receipt.created()
                ? Response.created(location).entity(body).build()
                : Response.ok(body).location(location).build();
    }

    @POST
    @Path("/batch")
    @Consumes({CSV, NDJSON})
    @Operation(
            summary = "Import a day's work orders (批量导入热线工单), CSV with a header row or JSON lines",
            description = "Each row is accepted in its own transaction and reported as created, duplicate, conflict,"
                    + " invalid (with field errors) or failed; a row is never half-imported.")
    public BatchImportResponse importBatch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows =
                contentType != null && contentType.toLowerCase().startsWith(CSV) ? csvRows(text) : ndjsonRows(text);
        if (rows.size() > config.hotline().batchMaxRows()) {
            throw new DomainException(
                    413,
                    "too-many-rows",
                    "一次导入的工单过多，请分批导入",
                    "Too many rows in one import",
                    rows.size() + " rows, at most " + config.hotline().batchMaxRows());
        }
        List<BatchImportResponse.Row> results = new ArrayList<>(rows.size());
        for (Row row : rows) {
            results.add(importRow(row));
        }
        BatchImportResponse response = BatchImportResponse.of(results);
        LOG.infof(
                "hotline batch: %d rows, %d created, %d duplicate, %d conflict, %d invalid",
                response.rows(), response.created(), response.duplicate(), response.conflict(), response.invalid());
        return response;
    }

    /** One row as read: its number and either its fields or why it could not be read. */
    private record Row(int number, JsonNode fields, String unreadable) {}

    private List<Row> csvRows(String text) {
        List<List<String>> records = CsvRows.parse(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.invalidField(
                    "header",
                    String.join(",", unknown),
                    "CSV 表头含有未知列：" + String.join("、", unknown),
                    "unknown CSV columns: " + String.join(", ", unknown) + "; known: " + COLUMNS);
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() != header.size()) {
                rows.add(new Row(i, null, "expected " + header.size() + " columns, found " + cells.size()));
                continue;
            }
            ObjectNode node = json.createObjectNode();
            for (int c = 0; c < header.size(); c++) {
                if (!cells.get(c).isBlank()) {
                    node.put(header.get(c), cells.get(c));
                }
            }
            rows.add(new Row(i, node, null));
        }
        return rows;
    }

    private List<Row> ndjsonRows(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(lines[i]);
                rows.add(
                        node != null && node.isObject()
                                ? new Row(i + 1, node, null)
                                : new Row(i + 1, null, "not a JSON object"));
            } catch (JsonProcessingException e) {
                rows.add(new Row(i + 1, null, "not valid JSON"));
            }
        }
        return rows;
    }

    private BatchImportResponse.Row importRow(Row row) {
        String number = row.fields() != null && row.fields().hasNonNull("workOrderNumber")
                ? row.fields().get("workOrderNumber").asText()
                : null;
        if (row.unreadable() != null) {
            return invalid(row, number, "无法读取该行：" + row.unreadable(), List.of());
        }
        HotlineWorkOrderRequest request;
        try {
            request = json.treeToValue(row.fields(), HotlineWorkOrderRequest.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName()
                    : null;
            return invalid(
                    row,
                    number,
                    "格式或取值不正确",
                    field == null
                            ? List.of()
                            : List.of(new Problem.FieldError(field, "格式或取值不正确", "wrong format or value", null)));
        }
        var violations = fieldErrors.validate(request);
        if (!violations.isEmpty()) {
            return invalid(row, number, "请求内容不符合要求", fieldErrors.of(violations));
        }
        try {
            checkReferences(request);
            HotlineReceipt receipt = hotline.acceptWorkOrder(request.toCall());
            return new BatchImportResponse.Row(
                    row.number(),
                    number,
                    receipt.created() ? BatchImportResponse.Status.created : BatchImportResponse.Status.duplicate,
                    receipt.caseNumber(),
                    null,
                    List.of());
        } catch (DomainException e) {
            if (e.status() == 409) {
                return new BatchImportResponse.Row(
                        row.number(), number, BatchImportResponse.Status.conflict, null, e.title(), List.of());
            }
            return invalid(row, number, e.title(), e.errors());
        }
    }

    private static BatchImportResponse.Row invalid(
            Row row, String number, String message, List<Problem.FieldError> errors) {
        return new BatchImportResponse.Row(
                row.number(), number, BatchImportResponse.Status.invalid, null, message, errors);
    }

    private void checkReferences(HotlineWorkOrderRequest request) {
        reference.requireDistrict(request.district());
        reference.requireUnitIfGiven(request.accusedUnit());
    }
}
