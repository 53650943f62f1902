package org.openysb.notification.rules.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.rules.service.RecipientService;
import org.openysb.notification.rules.service.RecipientView;

@Path("/api/admin/recipients")
@Tag(name = "admin", description = "死信与接收人管理 (dead letters and recipients)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RecipientResource {
    private final RecipientService recipients;

    public RecipientResource(RecipientService recipients) {
        this.recipients = recipients;
    }

    @GET
    @Operation(summary = "Staff recipients by unit and role")
    public List<RecipientView> recipients(@QueryParam("unit") String unit, @QueryParam("role") String role) {
        return recipients.listRecipients(unit, role);
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a staff recipient")
    public Response putRecipient(@PathParam("username") String username, @Valid @NotNull RecipientRequest request) {
        RecipientView view = new RecipientView(
                username,
                request.displayName(),
                request.unitCode(),
                request.role(),
                request.email(),
                request.mobile(),
                request.active() == null || request.active(),
                request.locale() == null ? "zh-CN" : request.locale());
        boolean created = recipients.putRecipient(view);
        return created
                ? Response.created(URI.create("/api/admin/recipients/" + username))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    public record RecipientRequest(
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 20) String unitCode,
            @NotBlank @Size(max = 50) String role,
            @jakarta.validation.constraints.Email @Size(max = 200) String email,
            @jakarta.validation.constraints.Pattern(regexp = "1\\d{10}") String mobile,
            Boolean active,
            @jakarta.validation.constraints.Pattern(regexp = "zh-CN|en") String locale) {}
}
