package org.openysb.supervision.replytemplate.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.replytemplate.service.ReplyTemplateService;
import org.openysb.supervision.replytemplate.service.ReplyTemplateView;
import org.openysb.supervision.rest.Caller;

@Path("/api/reply-templates")
@Tag(name = "reply templates", description = "答复模板: standard reply skeletons per category, versioned")
@Produces(MediaType.APPLICATION_JSON)
public class ReplyTemplateResource {
    private final ReplyTemplateService templates;
    private final SecurityIdentity identity;

    public ReplyTemplateResource(ReplyTemplateService templates, SecurityIdentity identity) {
        this.templates = templates;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"handler", "supervisor", "admin", "coordinator"})
    @Operation(summary = "Templates a handler may use for a category: city-wide ones and their own units'")
    public List<ReplyTemplateView> list(@QueryParam("category") String category) {
        boolean all = !identity.hasRole("handler") && Caller.oversees(identity);
        return templates.usable(category, Caller.units(identity), all);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Create a template (version 1)")
    public Response create(@NotNull @Valid ReplyTemplateRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(templates.create(
                        request.category(), request.unit(), request.title(), request.body(), Caller.name(identity)))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Edit a template: a new version; 409 when the edited version is not the current one")
    public ReplyTemplateView update(@PathParam("id") long id, @NotNull @Valid ReplyTemplateRequest request) {
        if (request.version() == null) {
            throw DomainException.invalidField("version", null, "请提供正在编辑的版本号", "the version being edited is required");
        }
        return templates.update(
                id,
                request.title(),
                request.body(),
                request.active() == null || request.active(),
                request.version(),
                Caller.name(identity));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Every version of a template, newest first")
    public List<ReplyTemplateView> versions(@PathParam("id") long id) {
        return templates.versions(id);
    }
}
