package org.openysb.notification.inbox.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import org.openysb.notification.delivery.service.NotificationView;
import org.openysb.notification.inbox.service.InboxService;
import org.openysb.notification.inbox.service.InboxStream;
import org.openysb.notification.rest.Caller;

@Path("/api/inbox")
@Tag(name = "notifications", description = "通知与送达记录 (notifications and the delivery log)")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    private final InboxService inbox;
    private final InboxStream stream;
    private final SecurityIdentity identity;

    public InboxResource(InboxService inbox, InboxStream stream, SecurityIdentity identity) {
        this.inbox = inbox;
        this.stream = stream;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"handler", "coordinator", "inspector", "supervisor", "dispatcher"})
    @Operation(summary = "In-app messages of the caller and of the caller's units, unread first")
    public List<NotificationView> inbox() {
        Caller caller = Caller.of(identity);
        return inbox.inboxOf(caller.username(), caller.units());
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({"handler", "coordinator", "inspector", "supervisor", "dispatcher"})
    @Operation(summary = "Mark one of the caller's messages read")
    public NotificationView markRead(@PathParam("id") long id) {
        Caller caller = Caller.of(identity);
        return inbox.markRead(id, caller.username(), caller.units());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator", "inspector", "supervisor", "dispatcher"})
    @Operation(summary = "New in-app messages of the caller as server-sent events")
    public Multi<NotificationView> inboxStream() {
        Caller caller = Caller.of(identity);
        return stream.messagesFor(caller.username(), caller.units());
    }
}
