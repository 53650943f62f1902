package org.openysb.supervision.trail.service;

import java.time.Instant;
import java.util.List;

import org.openysb.contracts.trail.SignedCheckpoint;

/**
 * A case's trail checked against a witnessed checkpoint: its hash chain, and each entry's inclusion in the log
 * tree whose root the witness holds. {@code brokenAt} names the first failing entry ({@code seq N}) or the checkpoint
 * ({@code checkpoint N}).
 */
public record TrailVerification(
        String caseNumber,
        boolean intact,
        String brokenAt,
        int entries,
        Checkpoint checkpoint,
        String checkpointSource,
        String checkpointProblem,
        long logSize,
        int covered,
        int pending,
        List<Failure> failures) {

    /** The checkpoint verified against, as given. */
    public record Checkpoint(long treeSize, String rootHash, Instant issuedAt, String keyId, String signature) {
        static Checkpoint of(SignedCheckpoint cp) {
            return cp == null
                    ? null
                    : new Checkpoint(cp.treeSize(), cp.rootHash(), cp.issuedAt(), cp.keyId(), cp.signature());
        }
    }

    /**
     * What failed: {@code CHAIN} (an entry's hash, predecessor or seq), {@code INCLUSION} (an entry is not the one the
     * witnessed tree holds at its index), {@code SIGNATURE} (the checkpoint is not signed by the log's key),
     * {@code LOG_SHRANK} (fewer entries than the checkpoint), {@code TREE_REWRITTEN} (the stored tree's root at the
     * checkpoint's size differs from the checkpoint's).
     */
    public record Failure(String reason, Integer seq, Long logIndex, String message, String messageEn) {}
}
