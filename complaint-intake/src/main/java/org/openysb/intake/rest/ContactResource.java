package org.openysb.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.ContactDetails;
import org.openysb.problem.DomainException;

/** Resolves the opaque complainant reference of ComplaintSubmitted, for notification-service only. */
@Path("/api/internal/contacts")
@Tag(name = "internal", description = "仅供通知服务调用 (for notification-service only)")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final ComplaintService service;

    public ContactResource(ComplaintService service) {
        this.service = service;
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed("notifier")
    @Operation(summary = "Contact details of a complainant in clear (诉求人联系方式), e.g. ref complaint:TS202611220001")
    public ContactDetails contact(@PathParam("ref") String ref) {
        return service.resolveContact(ref).orElseThrow(() -> DomainException.notFound("complainant", ref));
    }
}
