package org.openysb.routing.dispatch.rest;

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
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.routing.cases.service.CaseHistories;
import org.openysb.routing.cases.service.CaseHistory;
import org.openysb.routing.classification.service.ClassifierService;
import org.openysb.routing.classification.service.RoutingProposal;
import org.openysb.routing.classification.service.RoutingService;
import org.openysb.routing.dispatch.service.Arbitration;
import org.openysb.routing.dispatch.service.Designation;
import org.openysb.routing.dispatch.service.DispatchViews;
import org.openysb.routing.dispatch.service.ManualQueue;
import org.openysb.routing.dispatch.service.ReturnStatistics;
import org.openysb.routing.matrix.service.MatrixAdminService;
import org.openysb.routing.matrix.service.MatrixViews;

@Path("/api/routing")
@Tag(name = "routing", description = "派单：谁主管、谁负责 (dispatch by the responsibility matrix)")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {
    private static final java.util.Set<String> HISTORY_READERS =
            java.util.Set.of("dispatcher", "coordinator", "admin", "supervisor", "inspector");

    private final RoutingService routing;
    private final CaseHistories histories;
    private final ManualQueue queue;
    private final Arbitration arbitration;
    private final Designation designation;
    private final ReturnStatistics returnStatistics;
    private final ClassifierService classifiers;
    private final MatrixAdminService matrix;
    private final SecurityIdentity identity;

    public RoutingResource(
            RoutingService routing,
            CaseHistories histories,
            ManualQueue queue,
            Arbitration arbitration,
            Designation designation,
            ReturnStatistics returnStatistics,
            ClassifierService classifiers,
            MatrixAdminService matrix,
            SecurityIdentity identity) {
        this.routing = routing;
        this.histories = histories;
        this.queue = queue;
        this.arbitration = arbitration;
        this.designation = designation;
        this.returnStatistics = returnStatistics;
        this.classifiers = classifiers;
        this.matrix = matrix;
        this.identity = identity;
    }

    @GET
    @Path("/classifier/versions")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Every training of the category classifier (start, dispatcher decisions, rulings)")
    public List<ClassifierService.ClassifierVersionView> classifierVersions() {
        return classifiers.listVersions();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dispatcher", "coordinator", "admin", "hotline-operator", "letter-clerk"})
    @Operation(summary = "What routing would decide for a text, and why (no side effects)")
    public RoutingProposal preview(@NotNull @Valid PreviewRequest request) {
        return routing.preview(request.content(), request.district(), request.categoryHint(), request.accusedUnit());
    }

    @GET
    @Path("/cases/{caseNumber}")
    @RolesAllowed({"dispatcher", "coordinator", "admin", "supervisor", "inspector", "handler"})
    @Operation(
            summary = "The full routing history of a case",
            description = "A handler sees it only for a case their unit leads or co-handles now (else 404)")
    public CaseHistory history(@PathParam("caseNumber") String caseNumber) {
        return histories
                .history(caseNumber)
                .filter(this::visibleToCaller)
                .orElseThrow(() -> DomainException.notFound("case", caseNumber));
    }

    /** Staff who dispatch or oversee see every case; a handler only their units' current ones. */
    private boolean visibleToCaller(CaseHistory history) {
        if (HISTORY_READERS.stream().anyMatch(identity::hasRole)) {
            return true;
        }
        List<String> units = CallerUnits.of(identity);
        if (units.contains(history.currentLead())) {
            return true;
        }
        return !history.decisions().isEmpty()
                && history.decisions().get(history.decisions().size() - 1).coHandlers().stream()
                        .anyMatch(units::contains);
    }

    @GET
    @Path("/manual-queue")
    @RolesAllowed({"dispatcher", "coordinator", "admin"})
    @Operation(summary = "Cases waiting for manual dispatch, urgent first, with the classifier's suggestion and why")
    public List<DispatchViews.QueuedCase> manualQueue() {
        return queue.listManualQueue();
    }

    @POST
    @Path("/manual-queue/{caseNumber}/claim")
    @RolesAllowed({"dispatcher", "coordinator", "admin"})
    @Operation(summary = "Claim a queued case (409 when another dispatcher holds it)")
    public DispatchViews.QueuedCase claim(@PathParam("caseNumber") String caseNumber) {
        return queue.claimCase(caseNumber, user());
    }

    @POST
    @Path("/cases/{caseNumber}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"dispatcher", "coordinator", "admin"})
    @Operation(
            summary = "Dispatch a queued case to a lead unit (人工派单); the decision teaches the classifier",
            description = "A case the misconduct guard flagged goes to another unit than the discipline commission only"
                    + " with misconductConfirmation (400 without it)")
    public DispatchViews.Dispatched dispatch(
            @PathParam("caseNumber") String caseNumber, @NotNull @Valid DispatchRequest request) {
        return queue.dispatchCase(
                caseNumber,
                request.category(),
                request.lead(),
                request.coHandlers(),
                request.reason(),
                request.misconductConfirmation(),
                user());
    }

    @GET
    @Path("/arbitration")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "Returned cases waiting for a ruling (仲裁)")
    public List<DispatchViews.ArbitrationCase> arbitration() {
        return arbitration.listArbitration();
    }

    @POST
    @Path("/cases/{caseNumber}/ruling")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("coordinator")
    @Operation(
            summary = "Uphold a return and choose the unit, or reject it (improper return) and send the case back",
            description = "A case the misconduct guard flagged stays with another unit than the discipline commission"
                    + " only with misconductConfirmation (400 without it)")
    public DispatchViews.Dispatched ruling(
            @PathParam("caseNumber") String caseNumber, @NotNull @Valid RulingRequest request) {
        return arbitration.ruleOnReturn(
                caseNumber,
                request.upheld(),
                request.category(),
                request.lead(),
                request.coHandlers(),
                request.reason(),
                request.misconductConfirmation(),
                user());
    }

    @POST
    @Path("/cases/{caseNumber}/designation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("coordinator")
    @Operation(
            summary = "Designate the handling unit (指定承办); it can no longer return the case",
            description = "A case the misconduct guard flagged goes to another unit than the discipline commission only"
                    + " with misconductConfirmation (400 without it)")
    public DispatchViews.Dispatched designation(
            @PathParam("caseNumber") String caseNumber, @NotNull @Valid DesignationRequest request) {
        return designation.designateHandler(
                caseNumber,
                request.category(),
                request.lead(),
                request.coHandlers(),
                request.reason(),
                request.misconductConfirmation(),
                user());
    }

    @GET
    @Path("/units")
    @RolesAllowed({"dispatcher", "coordinator", "admin", "supervisor", "inspector"})
    @Operation(summary = "The units (承办单位) that can lead or co-handle a case")
    public List<MatrixViews.Unit> units() {
        return matrix.listUnits();
    }

    @GET
    @Path("/units/{code}/returns")
    @RolesAllowed({"dispatcher", "coordinator", "admin", "supervisor", "inspector"})
    @Operation(summary = "Returns of one unit, with improper and refused returns")
    public DispatchViews.UnitReturns unitReturns(@PathParam("code") String code) {
        return returnStatistics.unitReturns(code);
    }

    @GET
    @Path("/returns/stats")
    @RolesAllowed({"dispatcher", "coordinator", "admin", "supervisor", "inspector"})
    @Operation(summary = "Returns, reroutes, arbitrations, improper and refused returns per unit")
    public List<DispatchViews.UnitReturnStats> returnStats() {
        return returnStatistics.returnStats();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
