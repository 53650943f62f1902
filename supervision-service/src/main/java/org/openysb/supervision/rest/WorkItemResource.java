package org.openysb.supervision.rest;

import java.util.List;
import java.util.Set;

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

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.CaseActionService;
import org.openysb.supervision.service.WorkItemService;
import org.openysb.supervision.service.WorkItemView;

@Path("/api/work-items")
@Tag(name = "work items", description = "承办单位待办 (the units' queues)")
@Produces(MediaType.APPLICATION_JSON)
public class WorkItemResource {
    private static final Set<String> OVERSIGHT = Set.of("supervisor", "inspector", "admin");

    private final WorkItemService workItems;
    private final CaseActionService actions;
    private final SecurityIdentity identity;

    public WorkItemResource(WorkItemService workItems, CaseActionService actions, SecurityIdentity identity) {
        this.workItems = workItems;
        this.actions = actions;
        this.identity = identity;
    }

    @POST
    @Path("/{caseNumber}/sign")
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Sign for a case (签收); the lead unit's handlers only")
    public WorkItemView sign(@PathParam("caseNumber") String caseNumber, @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return actions.signCase(caseNumber, acting.name(), acting.units());
    }

    @POST
    @Path("/{caseNumber}/first-contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Record the first contact with the complainant (先行联系)")
    public WorkItemView firstContact(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid FirstContactRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return actions.recordFirstContact(caseNumber, request.method(), acting.name(), acting.units());
    }

    @POST
    @Path("/{caseNumber}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Reply to the complainant (答复) with a result code")
    public WorkItemView reply(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid ReplyRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return actions.replyToComplainant(
                caseNumber, request.resultCode(), request.text(), acting.name(), acting.units());
    }

    @POST
    @Path("/{caseNumber}/co-unit-part")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "A co-unit's part of the reply (协办意见); the lead unit replies once every co-unit has submitted")
    public WorkItemView coUnitPart(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid CoUnitPartRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return actions.submitCoUnitPart(caseNumber, request.text(), acting.name(), acting.units());
    }

    @POST
    @Path("/{caseNumber}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Return a case that is not the unit's (退单), within the return window, with reason and basis")
    public WorkItemView returnCase(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid ReturnRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return actions.requestReturn(caseNumber, request.reason(), request.basis(), acting.name(), acting.units());
    }

    @POST
    @Path("/{caseNumber}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Request an extension (延期申请) before the deadline")
    public WorkItemView requestExtension(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid ExtensionRequest request,
            @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return actions.requestExtension(
                caseNumber,
                request.workingDays(),
                request.reason(),
                request.legalBasis(),
                acting.name(),
                acting.units());
    }

    @POST
    @Path("/{caseNumber}/extension/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Approve or reject the pending extension")
    public WorkItemView decideExtension(
            @PathParam("caseNumber") String caseNumber, @NotNull @Valid DecisionRequest request) {
        return actions.decideExtension(caseNumber, request.approve(), request.reason(), actor());
    }

    @POST
    @Path("/{caseNumber}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("hotline-operator")
    @Operation(summary = "Record a follow-up made by phone (电话回访)")
    public WorkItemView phoneFollowUp(
            @PathParam("caseNumber") String caseNumber, @NotNull @Valid FollowUpRequest request) {
        return actions.recordFollowUp(
                caseNumber, request.rating(), request.solved(), request.comment(), "OPERATOR", actor());
    }

    @POST
    @Path("/{caseNumber}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Reopen a dissatisfied case (重办) with a new deadline")
    public WorkItemView reopen(@PathParam("caseNumber") String caseNumber, @NotNull @Valid ReasonRequest request) {
        return actions.reopenCase(caseNumber, request.reason(), actor());
    }

    @POST
    @Path("/{caseNumber}/close")
    @RolesAllowed("supervisor")
    @Operation(summary = "Verify the close-out (办结/销号) of a replied case")
    public WorkItemView close(@PathParam("caseNumber") String caseNumber) {
        return actions.closeCase(caseNumber, actor());
    }

    /** The acting user's name, as the trail records it. */
    private String actor() {
        return Caller.name(identity);
    }

    @GET
    @RolesAllowed({"handler", "supervisor", "inspector", "admin"})
    @Operation(summary = "A handler's own units' queue; supervisors and inspectors see every unit (or ?unit=)")
    public List<WorkItemView> list(@QueryParam("unit") String unit) {
        if (oversight()) {
            return workItems.listAll(unit);
        }
        return workItems.queueOf(units());
    }

    @GET
    @Path("/{caseNumber}")
    @RolesAllowed({"handler", "supervisor", "inspector", "admin"})
    @Operation(summary = "One work item; a handler sees only their own units' cases")
    public WorkItemView get(@PathParam("caseNumber") String caseNumber) {
        return workItems
                .find(caseNumber, units(), oversight())
                .orElseThrow(() -> DomainException.notFound("work item", caseNumber));
    }

    private boolean oversight() {
        return OVERSIGHT.stream().anyMatch(identity::hasRole);
    }

    private List<String> units() {
        return Caller.units(identity);
    }
}
