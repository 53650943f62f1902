package org.openysb.notification.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.service.DeliveryService;
import org.openysb.notification.service.NotificationView;
import org.openysb.notification.service.RecipientService;
import org.openysb.notification.service.RecipientView;

@Path("/api/admin")
@Tag(name = "admin", description = "死信与接收人管理 (dead letters and recipients)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminResource {
    private final DeliveryService deliveries;
    private final RecipientService recipients;

    public AdminResource(DeliveryService deliveries, RecipientService recipients) {
        this.deliveries = deliveries;
        this.recipients = recipients;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Messages that ran out of attempts (or could never be delivered)")
    public List<NotificationView> deadLetters() {
        return deliveries.deadLetters();
    }

    @POST
    @Path("/notifications/{id}/retry")
    @Operation(summary = "Send a dead or failed message again, now, with a fresh set of attempts")
    public NotificationView retry(@PathParam("id") long id) {
        return deliveries.retryNotification(id);
    }

    @GET
    @Path("/recipients")
    @Operation(summary = "Staff recipients by unit and role")
    public List<RecipientView> recipients(@QueryParam("unit") String unit, @QueryParam("role") String role) {
        return recipients.listRecipients(unit, role);
    }

    @PUT
    @Path("/recipients/{username}")
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
