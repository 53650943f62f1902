package org.openysb.supervision.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.problem.DomainException;
import org.openysb.supervision.service.TrailService;
import org.openysb.supervision.service.TrailView;
import org.openysb.supervision.trail.service.TrailVerification;
import org.openysb.supervision.trail.service.TrailVerifier;

/** 留痕: the discipline inspectors' view of any case's trail and its verification. */
@Path("/api/cases/{caseNumber}/trail")
@Tag(name = "trail", description = "留痕与校验 (tamper-evident trail)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"inspector", "supervisor", "admin"})
public class CaseTrailResource {
    private final TrailService trail;
    private final TrailVerifier verifier;

    public CaseTrailResource(TrailService trail, TrailVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

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
    @Operation(
            summary = "Check the case's hash chain and each entry's inclusion in the log against the witnessed"
                    + " checkpoint (the witness's latest, or the one given as treeSize, rootHash, issuedAt, signature)")
    public TrailVerification verify(
            @PathParam("caseNumber") String caseNumber,
            @QueryParam("treeSize") Long treeSize,
            @QueryParam("rootHash") String rootHash,
            @QueryParam("issuedAt") String issuedAt,
            @QueryParam("signature") String signature) {
        return verifier.verify(caseNumber, given(treeSize, rootHash, issuedAt, signature));
    }

    private static SignedCheckpoint given(Long treeSize, String rootHash, String issuedAt, String signature) {
        if (treeSize == null && rootHash == null && issuedAt == null && signature == null) {
            return null;
        }
        if (treeSize == null || treeSize < 0) {
            throw DomainException.invalidField(
                    "treeSize", treeSize, "请给出见证检查点的条目数", "give the witnessed checkpoint's tree size");
        }
        if (rootHash == null || !rootHash.matches("^[0-9a-f]{64}$")) {
            throw DomainException.invalidField(
                    "rootHash", rootHash, "根哈希应为 64 位小写十六进制", "the root hash is 64 lowercase hex digits");
        }
        if (signature == null || signature.isBlank()) {
            throw DomainException.invalidField("signature", signature, "请给出检查点的签名", "give the checkpoint's signature");
        }
        try {
            return new SignedCheckpoint(treeSize, rootHash, Instant.parse(issuedAt), null, signature);
        } catch (DateTimeParseException | NullPointerException e) {
            throw DomainException.invalidField(
                    "issuedAt", issuedAt, "签发时间应为 ISO-8601 UTC 时刻", "issuedAt is an ISO-8601 UTC instant");
        }
    }
}
