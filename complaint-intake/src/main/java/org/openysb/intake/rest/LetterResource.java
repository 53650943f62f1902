package org.openysb.intake.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ExternalDetails;
import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.model.StoredAttachment;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.ExternalIntakeService;
import org.openysb.intake.service.ExternalReceipt;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.ReferenceData;
import org.openysb.problem.DomainException;

/** Letters (来信) entered by the letter clerk, with their scanned pages. */
@Path("/api/letters")
@Tag(name = "letters", description = "来信登记 (letters)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"letter-clerk"})
public class LetterResource {
    private final ExternalIntakeService intake;
    private final ReferenceData reference;
    private final JsonParts parts;
    private final UploadedFiles uploads;
    private final SecurityIdentity identity;

    public LetterResource(
            ExternalIntakeService intake,
            ReferenceData reference,
            JsonParts parts,
            UploadedFiles uploads,
            SecurityIdentity identity) {
        this.intake = intake;
        this.reference = reference;
        this.parts = parts;
        this.uploads = uploads;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary = "Enter a letter (登记来信): part `letter` (JSON) and the scanned pages as file parts",
            description = "201 for a new letter (received at the postmark date, channel LETTER); 200 with the same case"
                    + " when the same letter (same reference, fields and pages) is entered again; 409 when the reference"
                    + " was entered with other content. Pages: PDF, JPEG or PNG by their first bytes (415 otherwise),"
                    + " size limits per file and per letter (413).")
    public Response enter(
            @RestForm("letter") String letterJson, @RestForm(FileUpload.ALL) List<FileUpload> files, UriInfo uri) {
        LetterRequest letter = parts.read(letterJson, LetterRequest.class, "letter", "来信内容");
        reference.requireDistrict(letter.district());
        reference.requireUnitIfGiven(letter.accusedUnit());
        if (letter.postmarkDate().isAfter(LocalDate.now(ComplaintService.CHINA))) {
            throw DomainException.invalidField(
                    "postmarkDate",
                    letter.postmarkDate().toString(),
                    "邮戳日期不能晚于今天",
                    "the postmark date cannot be in the future");
        }
        List<ScannedFile> pages = uploads.read(files == null ? List.of() : files, "pages");
        Map<String, Object> content = letter.contentFields();
        for (int i = 0; i < pages.size(); i++) {
            content.put("page" + (i + 1), pages.get(i).sha256());
        }
        var sender = letter.sender();
        OffsetDateTime receivedAt =
                letter.postmarkDate().atStartOfDay(ComplaintService.CHINA).toOffsetDateTime();
        ExternalReceipt receipt = intake.accept(
                letter.letterReference(),
                content,
                new NewComplaint(
                        Channel.LETTER,
                        letter.type(),
                        letter.urgent(),
                        letter.title(),
                        letter.content(),
                        letter.district(),
                        blankToNull(letter.categoryHint()),
                        blankToNull(letter.accusedUnit()),
                        letter.anonymous(),
                        letter.confidential(),
                        receivedAt,
                        sender.kind(),
                        blankToNull(sender.name()),
                        blankToNull(sender.mobile()),
                        blankToNull(sender.email()),
                        blankToNull(sender.idNumber()),
                        sender.creditCode() == null ? null : sender.creditCode().toUpperCase(),
                        blankToNull(sender.contactPerson()),
                        null),
                new ExternalDetails(
                        letter.postmarkDate(), blankToNull(sender.address()), null, null, null, enteredBy()),
                pages);
        return receiptResponse(receipt, uri);
    }

    static Response receiptResponse(ExternalReceipt receipt, UriInfo uri) {
        URI location =
                uri.getBaseUriBuilder().path("api/complaints/{caseNumber}").build(receipt.caseNumber());
        LetterResponse body = new LetterResponse(
                receipt.reference(),
                receipt.caseNumber(),
                receipt.queryCode(),
                receipt.receivedAt(),
                receipt.status(),
                location + "?queryCode=" + receipt.queryCode(),
                receipt.attachments().stream().map(a -> attachmentView(a, uri)).toList());
        return receipt.created()
                ? Response.created(location).entity(body).build()
                : Response.ok(body).location(location).build();
    }

    static LetterResponse.AttachmentView attachmentView(StoredAttachment a, UriInfo uri) {
        return new LetterResponse.AttachmentView(
                a.id(),
                a.fileName(),
                a.mediaType(),
                a.size(),
                a.sha256(),
                uri.getBaseUriBuilder()
                        .path("api/complaints/{caseNumber}/attachments/{id}")
                        .build(a.caseNumber(), a.id())
                        .toString());
    }

    private String enteredBy() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
