package org.openysb.notification.delivery.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.delivery.service.DeliveryLog;
import org.openysb.notification.delivery.service.NotificationView;
import org.openysb.problem.DomainException;

@Path("/api/notifications")
@Tag(name = "notifications", description = "通知与送达记录 (notifications and the delivery log)")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryLogResource {
    private final DeliveryLog log;

    public DeliveryLogResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
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
        return byCase ? log.ofCase(caseNumber) : log.ofRecipient(recipient, limit);
    }
}
