package org.openysb.supervision.rest;

import java.time.YearMonth;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.SamplingService;
import org.openysb.supervision.service.SamplingService.DrawView;
import org.openysb.supervision.service.SamplingService.RevisitView;

/** 双随机: random sampling of closed cases per unit for a re-visit, reproducible from the recorded seed. */
@Path("/api/samples")
@Tag(name = "sampling", description = "双随机抽查 (random sampling of closed cases)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"inspector", "supervisor", "admin"})
public class SamplingResource {
    private final SamplingService sampling;
    private final SecurityIdentity identity;

    public SamplingResource(SamplingService sampling, SecurityIdentity identity) {
        this.sampling = sampling;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"inspector", "supervisor"})
    @Operation(summary = "Draw perUnit closed cases per unit for the month; give the seed to repeat an earlier draw")
    public Response draw(@NotNull @Valid SampleRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        DrawView draw = sampling.draw(
                YearMonth.parse(request.period()), request.perUnit(), request.seed(), Caller.name(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(draw.id()).build())
                .entity(draw)
                .build();
    }

    @GET
    @Operation(summary = "The draws, newest first (optionally of one month)")
    public List<DrawView> list(@QueryParam("period") String period) {
        return sampling.list(period);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One draw: its seed and the cases drawn per unit")
    public DrawView get(@PathParam("id") String id) {
        return sampling.find(id);
    }

    @POST
    @Path("/{id}/cases/{caseNumber}/revisit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"inspector", "supervisor"})
    @Operation(summary = "Record the re-visit (回访复核) of a drawn case once; 409 when already recorded")
    public RevisitView revisit(
            @PathParam("id") String id,
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid RevisitRequest request) {
        if (request.outcome().equals("PROBLEM_FOUND")
                && (request.note() == null || request.note().isBlank())) {
            throw DomainException.invalidField(
                    "note", request.note(), "发现问题时应写明问题", "describe the problem that was found");
        }
        return sampling.recordRevisit(id, caseNumber, request.outcome(), request.note(), Caller.name(identity));
    }
}
