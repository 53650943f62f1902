package org.openysb.routing.witness.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.problem.DomainException;
import org.openysb.routing.witness.model.Refusal;
import org.openysb.routing.witness.service.WitnessService;

/** The witness's record of supervision-service's trail log: signed checkpoints are public; refusals for overseers. */
@Path("/api/witness")
@Tag(name = "witness", description = "留痕日志见证 (witness of the trail log)")
@Produces(MediaType.APPLICATION_JSON)
public class WitnessResource {
    private final WitnessService witness;

    public WitnessResource(WitnessService witness) {
        this.witness = witness;
    }

    @GET
    @Path("/checkpoints/latest")
    @PermitAll
    @Operation(summary = "The latest checkpoint of the trail log this witness accepted (signed; verify it yourself)")
    public SignedCheckpoint latest() {
        return witness.latest().orElseThrow(() -> DomainException.notFound("witnessed checkpoint", "latest"));
    }

    @GET
    @Path("/checkpoints/{treeSize}")
    @PermitAll
    @Operation(summary = "The accepted checkpoint of this tree size")
    public SignedCheckpoint bySize(@PathParam("treeSize") long treeSize) {
        return witness.bySize(treeSize)
                .orElseThrow(() -> DomainException.notFound("witnessed checkpoint", String.valueOf(treeSize)));
    }

    @GET
    @Path("/refusals")
    @RolesAllowed({"inspector", "supervisor", "admin"})
    @Operation(summary = "The last 100 checkpoints refused (bad signature, inconsistent, second root), newest first")
    public List<Refusal> refusals() {
        return witness.refusals();
    }
}
