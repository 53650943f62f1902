package org.openysb.notification.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import org.openysb.notification.service.InboxStream;
import org.openysb.notification.service.NotificationService;
import org.openysb.notification.service.NotificationView;
import org.openysb.problem.DomainException;

@Path("/api")
@Tag(name = "notifications", description = "通知与送达记录 (notifications and the delivery log)")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final NotificationService notifications;
    private final InboxStream stream;
    private final SecurityIdentity identity;

    public NotificationResource(NotificationService notifications, InboxStream stream, SecurityIdentity identity) {
        this.notifications = notifications;
        this.stream = stream;
        this.identity = identity;
    }

    @GET
    @Path("/notifications")
    @RolesAllowed({"supervisor", "inspector", "admin"})
    @Operation(
            summary =
                    "Delivery log of a case (caseNumber) or of one recipient (recipient: complainant reference such as"
                            + " complaint:TS…, unit code or user name): proof of who was told what and when")
    public List<NotificationView> deliveryLog(
            @QueryParam("caseNumber") @Size(max = 20) String caseNumber,
            @QueryParam("recipient") @Size(max = 100) String recipient,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        boolean byCase = caseNumber != null && !caseNumber.isBlank();
        boolean byRecipient = recipient != null && !recipient.isBlank();
        if (byCase == byRecipient) {
            throw DomainException.invalidField(
                    byCase ? "recipient" : "caseNumber",
                    null,
                    "请指定案件编号 caseNumber 或接收人 recipient 之一",
                    "Give either caseNumber or recipient");
        }
        return byCase ? notifications.deliveryLog(caseNumber) : notifications.deliveryLogOf(recipient, limit);
    }

    @GET
    @Path("/inbox")
    @RolesAllowed({"handler", "coordinator", "inspector", "supervisor", "dispatcher"})
    @Operation(summary = "In-app messages of the caller and of the caller's units, unread first")
    public List<NotificationView> inbox() {
        Caller caller = Caller.of(identity);
        return notifications.inboxOf(caller.username(), caller.units());
    }

    @POST
    @Path("/inbox/{id}/read")
    @RolesAllowed({"handler", "coordinator", "inspector", "supervisor", "dispatcher"})
    @Operation(summary = "Mark one of the caller's messages read")
    public NotificationView markRead(@PathParam("id") long id) {
        Caller caller = Caller.of(identity);
        return notifications.markRead(id, caller.username(), caller.units());
    }

    @GET
    @Path("/inbox/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator", "inspector", "supervisor", "dispatcher"})
    @Operation(summary = "New in-app messages of the caller as server-sent events")
    public Multi<NotificationView> inboxStream() {
        Caller caller = Caller.of(identity);
        return stream.messagesFor(caller.username(), caller.units());
    }
}
