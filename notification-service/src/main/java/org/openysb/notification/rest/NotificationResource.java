package org.openysb.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.service.NotificationService;
import org.openysb.notification.service.NotificationView;

@Path("/api")
@Tag(name = "notifications", description = "通知与送达记录 (notifications and the delivery log)")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final NotificationService notifications;
    private final SecurityIdentity identity;

    public NotificationResource(NotificationService notifications, SecurityIdentity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @GET
    @Path("/notifications")
    @RolesAllowed({"supervisor", "inspector", "admin"})
    @Operation(summary = "Delivery log of a case: proof of who was told what and when")
    public List<NotificationView> deliveryLog(@QueryParam("caseNumber") @NotBlank String caseNumber) {
        return notifications.deliveryLog(caseNumber);
    }

    @GET
    @Path("/inbox")
    @RolesAllowed({"handler", "coordinator", "inspector"})
    @Operation(summary = "In-app messages of the caller's units, unread first")
    public List<NotificationView> inbox() {
        List<String> units = List.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getClaim("units") instanceof jakarta.json.JsonArray a) {
            units = a.getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .toList();
        }
        return notifications.inboxOf(units);
    }
}
