package org.openysb.supervision.trail.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.problem.DomainException;
import org.openysb.supervision.rest.Caller;
import org.openysb.supervision.trail.service.CheckpointService;
import org.openysb.supervision.trail.service.TrailKeys;
import org.openysb.supervision.trail.service.TrailProofs;
import org.openysb.supervision.trail.service.WitnessClient;

/** The trail log: its public key, signed checkpoints, inclusion and consistency proofs. */
@Path("/api/trail")
@Tag(name = "trail", description = "留痕与校验 (tamper-evident trail)")
@Produces(MediaType.APPLICATION_JSON)
public class TrailLogResource {
    private final CheckpointService checkpoints;
    private final TrailProofs proofs;
    private final TrailKeys keys;
    private final WitnessClient witness;
    private final SecurityIdentity identity;

    public TrailLogResource(
            CheckpointService checkpoints,
            TrailProofs proofs,
            TrailKeys keys,
            WitnessClient witness,
            SecurityIdentity identity) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.keys = keys;
        this.witness = witness;
        this.identity = identity;
    }

    /** The key that signs checkpoints and what it signs. */
    public record PublicKeyView(String algorithm, String keyId, String publicKey, String signedFormat) {}

    @GET
    @Path("/public-key")
    @PermitAll
    @Operation(summary = "The Ed25519 public key that signs the trail log's checkpoints (base64 X.509), for anyone")
    public PublicKeyView publicKey() {
        return new PublicKeyView(
                SignedCheckpoint.ALGORITHM,
                keys.keyId().orElse(null),
                keys.publicKeyBase64().orElseThrow(() -> DomainException.notFound("public key", "trail-log")),
                SignedCheckpoint.ORIGIN + "\\n<treeSize>\\n<rootHash hex>\\n<issuedAt ISO-8601 UTC>\\n");
    }

    @GET
    @Path("/checkpoints/latest")
    @RolesAllowed({"inspector", "supervisor", "admin"})
    @Operation(summary = "The last checkpoint this service signed, and the log's size now")
    public Map<String, Object> latest() {
        SignedCheckpoint cp = checkpoints.latest().orElseThrow(() -> DomainException.notFound("checkpoint", "latest"));
        return Map.of("checkpoint", cp, "logSize", proofs.size());
    }

    @POST
    @Path("/checkpoints")
    @RolesAllowed({"inspector", "supervisor", "admin"})
    @Operation(summary = "Sign and publish a checkpoint of the log now (the last one if the log has not grown)")
    public Response issue() {
        SignedCheckpoint cp = checkpoints.issue(Caller.name(identity));
        return Response.created(URI.create("/api/trail/checkpoints/latest"))
                .entity(cp)
                .build();
    }

    @GET
    @Path("/proofs/inclusion")
    @RolesAllowed({"inspector", "supervisor", "admin"})
    @Operation(
            summary = "Inclusion proof (RFC 9162) of a case's entry against the latest witnessed checkpoint, or the"
                    + " tree of treeSize")
    public Map<String, Object> inclusion(
            @QueryParam("caseNumber") String caseNumber,
            @QueryParam("seq") Integer seq,
            @QueryParam("treeSize") Long treeSize) {
        if (caseNumber == null || caseNumber.isBlank()) {
            throw DomainException.invalidField("caseNumber", caseNumber, "请给出案件编号", "give the case number");
        }
        if (seq == null || seq < 1) {
            throw DomainException.invalidField("seq", seq, "请给出留痕序号", "give the entry's seq");
        }
        SignedCheckpoint witnessed = null;
        long size;
        if (treeSize != null) {
            size = treeSize;
        } else {
            witnessed = witness.latest()
                    .checkpoint()
                    .orElseThrow(() -> DomainException.notFound("witnessed checkpoint", "latest"));
            size = witnessed.treeSize();
        }
        TrailProofs.InclusionProof proof = proofs.inclusionOf(caseNumber, seq, size);
        return witnessed == null ? Map.of("proof", proof) : Map.of("proof", proof, "checkpoint", witnessed);
    }

    /** A consistency proof between two sizes. */
    public record ConsistencyView(long first, long second, List<String> proof) {}

    @GET
    @Path("/proofs/consistency")
    @RolesAllowed({"inspector", "supervisor", "admin"})
    @Operation(summary = "Consistency proof (RFC 9162) that the log of size second extends the log of size first")
    public ConsistencyView consistency(@QueryParam("first") Long first, @QueryParam("second") Long second) {
        if (first == null || first < 0) {
            throw DomainException.invalidField("first", first, "请给出较早的条目数", "give the earlier size");
        }
        if (second == null || second < first || second > proofs.size()) {
            throw DomainException.invalidField(
                    "second", second, "应不小于 first 且不超过日志条目数", "at least first and at most the log's size");
        }
        return new ConsistencyView(first, second, proofs.consistency(first, second));
    }
}
