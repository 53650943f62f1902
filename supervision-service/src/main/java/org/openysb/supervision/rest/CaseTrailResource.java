package org.openysb.supervision.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.TrailService;
import org.openysb.supervision.service.TrailView;

/** 留痕: the discipline inspectors' view of any case's trail and its verification. */
@Path("/api/cases/{caseNumber}/trail")
@Tag(name = "trail", description = "留痕与校验 (tamper-evident trail)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"inspector", "supervisor", "admin"})
public class CaseTrailResource {
    private final TrailService trail;

    public CaseTrailResource(TrailService trail) {
        this.trail = trail;
    }

    /** The outcome of checking a trail's hash chain. */
    public record Verification(String caseNumber, boolean intact, String brokenAt, int entries) {}

    @GET
    @Operation(summary = "Every step of a case: who, when, what, status before and after, hash")
    public TrailView trail(@PathParam("caseNumber") String caseNumber) {
        TrailView view = trail.trailOf(caseNumber);
        if (view.steps().isEmpty()) {
            throw DomainException.notFound("case", caseNumber);
        }
        return view;
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recompute the hash chain: any edited or deleted entry is reported")
    public Verification verify(@PathParam("caseNumber") String caseNumber) {
        TrailView view = trail(caseNumber);
        return new Verification(
                caseNumber, view.intact(), view.brokenAt(), view.steps().size());
    }
}
