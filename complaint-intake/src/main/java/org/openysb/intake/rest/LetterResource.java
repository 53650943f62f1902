package org.openysb.intake.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.openysb.intake.config.IntakeConfig;
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
    private static final Set<String> DECLARABLE =
            Set.of(ScannedFile.PDF, ScannedFile.JPEG, ScannedFile.PNG, "image/jpg", "application/octet-stream");

    private final ExternalIntakeService intake;
    private final ReferenceData reference;
    private final ObjectMapper json;
    private final FieldErrors fieldErrors;
    private final IntakeConfig.Letters limits;
    private final SecurityIdentity identity;

    public LetterResource(
            ExternalIntakeService intake,
            ReferenceData reference,
            ObjectMapper json,
            FieldErrors fieldErrors,
            IntakeConfig config,
            SecurityIdentity identity) {
        this.intake = intake;
        this.reference = reference;
        this.json = json;
        this.fieldErrors = fieldErrors;
        this.limits = config.letters();
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
        LetterRequest letter = parse(letterJson);
        reference.requireDistrict(letter.district());
        reference.requireUnitIfGiven(letter.accusedUnit());
        if (letter.postmarkDate().isAfter(LocalDate.now(ComplaintService.CHINA))) {
            throw DomainException.invalidField(
                    "postmarkDate",
                    letter.postmarkDate().toString(),
                    "邮戳日期不能晚于今天",
                    "the postmark date cannot be in the future");
        }
        List<ScannedFile> pages = readPages(files == null ? List.of() : files);
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

    private LetterRequest parse(String letterJson) {
        if (letterJson == null || letterJson.isBlank()) {
            throw DomainException.invalidField(
                    "letter", null, "缺少来信内容（表单字段 letter，JSON）", "the form part `letter` (JSON) is required");
        }
        LetterRequest letter;
        try {
            letter = json.readValue(letterJson, LetterRequest.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName()
                    : "letter";
            throw DomainException.invalidField(
                    field == null ? "letter" : field, null, "格式或取值不正确", "wrong format or value");
        }
        if (letter == null) {
            throw DomainException.invalidField("letter", null, "缺少来信内容", "the form part `letter` is empty");
        }
        var violations = fieldErrors.validate(letter);
        if (!violations.isEmpty()) {
            throw new InvalidFields(fieldErrors.of(violations));
        }
        return letter;
    }

    private List<ScannedFile> readPages(List<FileUpload> files) {
        if (files.size() > limits.maxFiles()) {
            throw new DomainException(
                    413,
                    "too-many-attachments",
                    "附件数量过多",
                    "Too many attachments",
                    files.size() + " files, at most " + limits.maxFiles());
        }
        long total = 0;
        List<ScannedFile> pages = new ArrayList<>(files.size());
        for (FileUpload file : files) {
            String name = safeName(file.fileName(), pages.size() + 1);
            if (file.size() > limits.maxFileSize().asLongValue()) {
                throw new DomainException(
                        413,
                        "attachment-too-large",
                        "附件过大",
                        "An attachment is too large",
                        name + " has " + file.size() + " bytes, at most "
                                + limits.maxFileSize().asLongValue());
            }
            total += file.size();
            if (total > limits.maxTotalSize().asLongValue()) {
                throw new DomainException(
                        413,
                        "attachments-too-large",
                        "附件总大小超过上限",
                        "The attachments are too large together",
                        "more than " + limits.maxTotalSize().asLongValue() + " bytes in all");
            }
            if (file.size() == 0) {
                throw new DomainException(
                        400, "empty-attachment", "附件为空文件", "An attachment is empty", name + " has no content");
            }
            byte[] content;
            try {
                content = Files.readAllBytes(file.uploadedFile());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the uploaded file", e);
            }
            Optional<String> detected = ScannedFile.detectType(content);
            if (detected.isEmpty()) {
                throw new DomainException(
                        415,
                        "unsupported-attachment-type",
                        "附件只能是 PDF、JPEG 或 PNG 文件",
                        "Attachments must be PDF, JPEG or PNG files",
                        name + " is not a PDF, JPEG or PNG file (by its content)");
            }
            String declared = file.contentType() == null
                    ? "application/octet-stream"
                    : file.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!DECLARABLE.contains(declared)) {
                throw new DomainException(
                        415,
                        "unsupported-attachment-type",
                        "附件只能是 PDF、JPEG 或 PNG 文件",
                        "Attachments must be PDF, JPEG or PNG files",
                        name + " was sent as " + declared);
            }
            String normalised = declared.equals("image/jpg") ? ScannedFile.JPEG : declared;
            if (!normalised.equals("application/octet-stream") && !normalised.equals(detected.get())) {
                throw new DomainException(
                        415,
                        "attachment-type-mismatch",
                        "附件的声明类型与文件内容不符",
                        "The declared type of an attachment does not match its content",
                        name + " was sent as " + declared + " but is " + detected.get());
            }
            pages.add(new ScannedFile(name, detected.get(), content, ScannedFile.sha256(content)));
        }
        return pages;
    }

    /** The file's own name without any directory, control or path characters; page-N when nothing is left. */
    static String safeName(String fileName, int position) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT
                        && cp != '"'
                        && cp != ';')
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            result = "page-" + position;
        }
        return result.length() > 200 ? result.substring(result.length() - 200) : result;
    }

    private String enteredBy() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
