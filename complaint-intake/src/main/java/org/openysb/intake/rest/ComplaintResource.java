package org.openysb.intake.rest;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.service.AttachmentService;
import org.openysb.intake.service.CaseTracking;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.ContactDetails;
import org.openysb.intake.service.RepeatView;
import org.openysb.intake.service.TrackingService;
import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;

@Path("/api/complaints")
@Tag(name = "complaints", description = "网上投诉与进度查询 (web complaints and tracking)")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {
    private static final Logger LOG = Logger.getLogger(ComplaintResource.class);

    private final ComplaintService service;
    private final TrackingService tracking;
    private final SecurityIdentity identity;
    private final AttachmentService attachments;
    private final WebSubmissions submissions;
    private final JsonParts parts;
    private final UploadedFiles uploads;

    public ComplaintResource(
            ComplaintService service,
            TrackingService tracking,
            SecurityIdentity identity,
            AttachmentService attachments,
            WebSubmissions submissions,
            JsonParts parts,
            UploadedFiles uploads) {
        this.service = service;
        this.tracking = tracking;
        this.identity = identity;
        this.attachments = attachments;
        this.submissions = submissions;
        this.parts = parts;
        this.uploads = uploads;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "File a complaint (提交投诉); anonymous or logged in as citizen or enterprise",
            description = "A complaint that gives a mobile carries `mobileVerification`, the token of the SMS check"
                    + " (手机号验证), unless the caller is signed in with that number verified; 400 with a field"
                    + " error on `mobileVerification` otherwise")
    // on the event loop, without a hand-off to a worker: the body is read there anyway, and validation, the
    // near-duplicate sketch and encryption are a fraction of a millisecond of computation; the complaint then waits
    // for its batch without holding any thread, and its answer is written from the event loop again
    public CompletionStage<Response> submit(
            @NotNull(message = "{openysb.body.required}") @Valid SubmitComplaintRequest request,
            UriInfo uri,
            @Context HttpHeaders headers) {
        return submissions.submit(request, List.of(), uri.getBaseUriBuilder(), headers);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking // the uploaded files are read from disk
    @Operation(
            summary = "File a complaint with attachments (带附件提交投诉): part `complaint` (JSON) and `attachments`",
            description = "The same complaint as the JSON body, with up to intake.letters.max-files files (PDF, JPEG or"
                    + " PNG by their first bytes: 415 otherwise; 413 above the size limits; a field error on"
                    + " `attachments[i]`), stored in the transaction of the case")
    public CompletionStage<Response> submitWithAttachments(
            @RestForm("complaint") String complaintJson,
            @RestForm("attachments") List<FileUpload> files,
            UriInfo uri,
            @Context HttpHeaders headers) {
        SubmitComplaintRequest request = parts.read(complaintJson, SubmitComplaintRequest.class, "complaint", "投诉内容");
        List<ScannedFile> attachments = uploads.read(files == null ? List.of() : files, "attachments");
        return submissions.submit(request, attachments, uri.getBaseUriBuilder(), headers);
    }

    @GET
    @Path("/{caseNumber}")
    @PermitAll
    @Operation(
            summary = "Track a case with its query code or its tracking link's token (进度查询)",
            description = "`token` (from the link in the receipt SMS) when given, else `queryCode`")
    @APIResponse(
            responseCode = "404",
            description = "unknown case, wrong query code or a token not signed for the case",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "410",
            description = "the tracking link has expired (use the query code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "429",
            description = "too many wrong query codes from this client (Retry-After: seconds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CaseTracking track(
            @PathParam("caseNumber") String caseNumber,
            @QueryParam("queryCode") String queryCode,
            @QueryParam("token") String token,
            @Context HttpServerRequest http) {
        // the client address; X-Forwarded-For is honoured only from the trusted proxies (quarkus.http.proxy.*)
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return tracking.track(caseNumber, queryCode, token, client);
    }

    @GET
    @Path("/{caseNumber}/repeats")
    @RolesAllowed({"dispatcher", "coordinator", "supervisor", "inspector", "admin"})
    @Operation(summary = "Repeat links of a case (并单): the earlier case it repeats, and the cases that repeat it")
    public RepeatView repeats(@PathParam("caseNumber") String caseNumber) {
        return service.listRepeats(caseNumber).orElseThrow(() -> DomainException.notFound("case", caseNumber));
    }

    @GET
    @Path("/{caseNumber}/contact")
    @RolesAllowed("hotline-operator")
    @Operation(
            summary = "The complainant's name and number for a phone follow-up (电话回访), in clear",
            description = "Hotline operators only; every look-up is logged with the operator's name")
    public ContactDetails contact(@PathParam("caseNumber") String caseNumber) {
        ContactDetails contact = service.resolveContact("complaint:" + caseNumber)
                .orElseThrow(() -> DomainException.notFound("case", caseNumber));
        LOG.infof(
                "contact of %s revealed to %s for a phone follow-up",
                caseNumber, identity.getPrincipal().getName());
        return contact;
    }

    @GET
    @Path("/{caseNumber}/attachments")
    @RolesAllowed({"letter-clerk", "dispatcher", "supervisor", "inspector", "admin"})
    @Operation(summary = "Attachments of a case (附件), without their content")
    public List<LetterResponse.AttachmentView> attachments(
            @PathParam("caseNumber") String caseNumber, @Context UriInfo uri) {
        if (!service.exists(caseNumber)) {
            throw DomainException.notFound("case", caseNumber);
        }
        return attachments.list(caseNumber).stream()
                .map(a -> LetterResource.attachmentView(a, uri))
                .toList();
    }

    @GET
    @Path("/{caseNumber}/attachments/{id}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({"letter-clerk", "dispatcher", "supervisor", "inspector", "admin"})
    @Operation(
            summary = "One attachment (附件) as stored, verified against its SHA-256 (the ETag)",
            description = "304 when If-None-Match carries the ETag; 404 for an unknown case or attachment")
    public Response attachment(
            @PathParam("caseNumber") String caseNumber,
            @PathParam("id") String id,
            @Context jakarta.ws.rs.core.Request request) {
        long attachmentId;
        try {
            attachmentId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("attachment", id);
        }
        var stored = attachments
                .read(caseNumber, attachmentId)
                .orElseThrow(() -> DomainException.notFound("attachment", caseNumber + "/" + id));
        jakarta.ws.rs.core.EntityTag etag = new jakarta.ws.rs.core.EntityTag(stored.sha256());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.build();
        }
        String disposition = "attachment; filename=\"attachment-" + stored.id() + extension(stored.mediaType())
                + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(stored.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        return Response.ok(stored.content(), stored.mediaType())
                .tag(etag)
                .header("Content-Disposition", disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header(
                        "Digest",
                        "sha-256="
                                + java.util.Base64.getEncoder()
                                        .encodeToString(java.util.HexFormat.of().parseHex(stored.sha256())))
                .build();
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> "";
        };
    }

    @GET
    @RolesAllowed({"citizen", "enterprise"})
    @Operation(summary = "My complaints (我的诉求)")
    public List<CaseTracking> mine() {
        String subject = complainantSubject();
        return subject == null ? List.of() : service.listOwnCases(subject);
    }

    private String complainantSubject() {
        return WebSubmissions.Caller.of(identity).ownerSubject();
    }
}
