package org.openysb.supervision.suspension.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.supervision.rest.Caller;
import org.openysb.supervision.rest.DecisionRequest;
import org.openysb.supervision.suspension.service.SuspensionService;
import org.openysb.supervision.suspension.service.SuspensionView;

@Path("/api/work-items")
@Tag(
        name = "suspension",
        description = "中止: the handling clock paused while waiting for the complainant or a third party")
@Produces(MediaType.APPLICATION_JSON)
public class SuspensionResource {
    private final SuspensionService suspensions;
    private final SecurityIdentity identity;

    public SuspensionResource(SuspensionService suspensions, SecurityIdentity identity) {
        this.suspensions = suspensions;
        this.identity = identity;
    }

    @POST
    @Path("/{caseNumber}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Request a suspension (中止申请) of a signed case; a supervisor decides")
    public SuspensionView request(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid SuspensionRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return suspensions.request(
                caseNumber, request.reason(), request.basis(), request.workingDays(), acting.name(), acting.units());
    }

    @POST
    @Path("/{caseNumber}/suspension/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Approve (the clock stops now) or reject the requested suspension")
    public SuspensionView decide(@PathParam("caseNumber") String caseNumber, @NotNull @Valid DecisionRequest request) {
        return suspensions.decide(caseNumber, request.approve(), request.reason(), Caller.name(identity));
    }

    @POST
    @Path("/{caseNumber}/suspension/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Resume handling (恢复办理) with the answer that was awaited; the deadline moves by the pause")
    public SuspensionView resume(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid ResumeRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return suspensions.resume(caseNumber, request.note(), acting.name(), acting.units());
    }

    @GET
    @Path("/suspensions")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Suspensions awaiting a supervisor's decision, oldest first")
    public List<SuspensionView> awaiting() {
        return suspensions.awaitingDecision(200);
    }
}
