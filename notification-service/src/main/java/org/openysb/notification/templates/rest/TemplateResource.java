package org.openysb.notification.templates.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.rest.Caller;
import org.openysb.notification.templates.service.TemplateService;
import org.openysb.notification.templates.service.TemplateService.Preview;
import org.openysb.notification.templates.service.TemplateService.TemplateDetails;
import org.openysb.notification.templates.service.TemplateService.TemplateSummary;

/**
 * Message templates (Qute), per message and part ({@code receipt.sms}, {@code replied.email}, {@code new-case.inbox},
 * {@code new-case.subject}, …) and locale ({@code zh-CN}, {@code en}). A change is checked against sample data and
 * saved as a new version; the next message uses it.
 */
@Path("/api/admin/templates")
@Tag(name = "templates", description = "通知模板：编辑、预览、版本 (message templates: edit, preview, versions)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class TemplateResource {
    private final TemplateService templates;
    private final SecurityIdentity identity;

    public TemplateResource(TemplateService templates, SecurityIdentity identity) {
        this.templates = templates;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every template and locale with the version in force")
    public List<TemplateSummary> list() {
        return templates.listTemplates();
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "The version in force and the history of one template (version 0 is the shipped file)")
    public TemplateDetails get(
            @PathParam("key") String key, @QueryParam("locale") @DefaultValue("zh-CN") String locale) {
        return templates.templateDetails(key, locale);
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a new version (must parse, render with the sample data and fit its channel)")
    public TemplateDetails put(
            @PathParam("key") String key,
            @QueryParam("locale") @DefaultValue("zh-CN") String locale,
            @Valid @NotNull TemplateRequest request) {
        return templates.saveTemplate(
                key, locale, request.body(), request.note(), Caller.of(identity).username());
    }

    @POST
    @Path("/{key}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a draft (or the version in force) with the sample data; nothing is saved or sent")
    public Preview preview(
            @PathParam("key") String key,
            @QueryParam("locale") @DefaultValue("zh-CN") String locale,
            @Valid PreviewRequest request) {
        return templates.previewTemplate(
                key, locale, request == null ? null : request.body(), request == null ? null : request.data());
    }

    public record TemplateRequest(@NotBlank @Size(max = 4000) String body, @Size(max = 500) String note) {}

    /** body: a draft (absent: the version in force); data: values that replace the sample's. */
    public record PreviewRequest(@Size(max = 4000) String body, Map<String, Object> data) {}
}
