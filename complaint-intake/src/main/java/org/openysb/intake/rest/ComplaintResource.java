package org.openysb.intake.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.service.AttachmentService;
import org.openysb.intake.service.CaseTracking;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.QueryCodeThrottle;
import org.openysb.intake.service.ReferenceData;
import org.openysb.intake.service.RepeatView;
import org.openysb.intake.service.SubmissionBatcher;
import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;

@Path("/api/complaints")
@Tag(name = "complaints", description = "网上投诉与进度查询 (web complaints and tracking)")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {
    private final ComplaintService service;
    private final ReferenceData reference;
    private final SecurityIdentity identity;
    private final QueryCodeThrottle throttle;
    private final AttachmentService attachments;
    private final SubmissionBatcher batcher;
    private final CurrentIdentityAssociation identities;

    public ComplaintResource(
            ComplaintService service,
            ReferenceData reference,
            SecurityIdentity identity,
            QueryCodeThrottle throttle,
            AttachmentService attachments,
            SubmissionBatcher batcher,
            CurrentIdentityAssociation identities) {
        this.batcher = batcher;
        this.identities = identities;
        this.service = service;
        this.reference = reference;
        this.identity = identity;
        this.throttle = throttle;
        this.attachments = attachments;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a complaint (提交投诉); anonymous or logged in as citizen or enterprise")
    // on the event loop, without a hand-off to a worker: the body is read there anyway, and validation, the
    // near-duplicate sketch and encryption are a fraction of a millisecond of computation; the complaint then waits
    // for its batch without holding any thread, and its answer is written from the event loop again
    public CompletionStage<Response> submit(
            @NotNull(message = "{openysb.body.required}") @Valid SubmitComplaintRequest request,
            UriInfo uri,
            @Context HttpHeaders headers) {
        reference.requireDistrict(request.district());
        reference.requireUnitIfGiven(request.accusedUnit());
        UriBuilder base = uri.getBaseUriBuilder();
        // a citizen's or enterprise's own case when logged in; without credentials no identity is looked up at all
        CompletionStage<org.openysb.intake.service.SubmittedComplaint> submitted =
                headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                        ? submit(request, null)
                        : identities
                                .getDeferredIdentity()
                                .map(ComplaintResource::complainantSubject)
                                .onItem()
                                .transformToUni(owner -> Uni.createFrom().completionStage(() -> submit(request, owner)))
                                .subscribeAsCompletionStage();
        return submitted.thenApply(receipt -> {
            URI location = base.path("api/complaints/{caseNumber}").build(receipt.caseNumber());
            return Response.created(location)
                    .entity(new SubmitComplaintResponse(
                            receipt.caseNumber(),
                            receipt.queryCode(),
                            receipt.receivedAt(),
                            receipt.status(),
                            location + "?queryCode=" + receipt.queryCode()))
                    .build();
        });
    }

    private CompletionStage<org.openysb.intake.service.SubmittedComplaint> submit(
            SubmitComplaintRequest request, String owner) {
        var who = request.complainant();
        ComplainantKind kind = who == null ? ComplainantKind.ANONYMOUS : who.kind();
        return batcher.submit(new NewComplaint(
                Channel.WEB,
                request.type(),
                request.urgent(),
                request.title(),
                request.content(),
                request.district(),
                request.categoryHint(),
                request.accusedUnit(),
                request.anonymous(),
                request.confidential(),
                null,
                kind,
                who == null ? null : who.name(),
                who == null ? null : who.mobile(),
                who == null ? null : who.email(),
                who == null ? null : who.idNumber(),
                who == null || who.creditCode() == null
                        ? null
                        : who.creditCode().toUpperCase(),
                who == null ? null : who.contactPerson(),
                owner));
    }

    @GET
    @Path("/{caseNumber}")
    @PermitAll
    @Operation(summary = "Track a case with its query code (进度查询)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
            responseCode = "404",
            description = "unknown case or wrong query code",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
            responseCode = "429",
            description = "too many wrong query codes from this client",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE))
    public CaseTracking track(
            @PathParam("caseNumber") String caseNumber,
            @QueryParam("queryCode") String queryCode,
            @Context HttpServerRequest http) {
        // the client address; X-Forwarded-For is honoured only from the trusted proxies (quarkus.http.proxy.*)
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        throttle.requireNotThrottled(client);
        return service.track(caseNumber, queryCode).orElseThrow(() -> {
            throttle.recordWrongCode(client);
            return new DomainException(
                    404,
                    "case-not-found",
                    "未找到该诉求，请核对案件编号和查询码",
                    "No case with this number and query code",
                    "check the case number and the query code");
        });
    }

    @GET
    @Path("/{caseNumber}/repeats")
    @RolesAllowed({"dispatcher", "coordinator", "supervisor", "inspector", "admin"})
    @Operation(summary = "Repeat links of a case (并单): the earlier case it repeats, and the cases that repeat it")
    public RepeatView repeats(@PathParam("caseNumber") String caseNumber) {
        return service.listRepeats(caseNumber).orElseThrow(() -> DomainException.notFound("case", caseNumber));
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
        return complainantSubject(identity);
    }

    private static String complainantSubject(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.hasRole("citizen") || identity.hasRole("enterprise"))) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
    }
}
