package org.openysb.notification.delivery.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.delivery.service.DeliveryService;
import org.openysb.notification.delivery.service.NotificationView;

@Path("/api/admin")
@Tag(name = "admin", description = "死信与接收人管理 (dead letters and recipients)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeadLetterResource {
    private final DeliveryService deliveries;

    public DeadLetterResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
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
}
