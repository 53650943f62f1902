package org.openysb.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.routing.service.CaseHistory;
import org.openysb.routing.service.RoutingProposal;
import org.openysb.routing.service.RoutingService;

@Path("/api/routing")
@Tag(name = "routing", description = "派单：谁主管、谁负责 (dispatch by the responsibility matrix)")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {
    private final RoutingService routing;

    public RoutingResource(RoutingService routing) {
        this.routing = routing;
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dispatcher", "coordinator", "admin"})
    @Operation(summary = "What routing would decide for a text, and why (no side effects)")
    public RoutingProposal preview(@NotNull @Valid PreviewRequest request) {
        return routing.preview(request.content(), request.district(), request.categoryHint(), request.accusedUnit());
    }

    @GET
    @Path("/cases/{caseNumber}")
    @RolesAllowed({"dispatcher", "coordinator", "admin", "supervisor", "inspector"})
    @Operation(summary = "The full routing history of a case")
    public CaseHistory history(@PathParam("caseNumber") String caseNumber) {
        return routing.history(caseNumber).orElseThrow(() -> DomainException.notFound("case", caseNumber));
    }
}
