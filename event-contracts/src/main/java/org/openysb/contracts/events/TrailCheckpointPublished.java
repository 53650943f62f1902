package org.openysb.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * supervision-service signed a checkpoint of its trail log (the one append-only log of every case's trail entries):
 * the Merkle tree's size and root hash (RFC 9162), the time, and an Ed25519 signature over the bytes of
 * {@link org.openysb.contracts.trail.SignedCheckpoint#signedBytes}. Witnesses keep it outside the log's database.
 *
 * @param logId always {@code trail-log} (also the event's subject and Kafka key)
 * @param rootHash lowercase hex SHA-256
 * @param keyId the signing key's id ({@link org.openysb.contracts.trail.SignedCheckpoint#keyId})
 * @param signature base64 Ed25519 signature
 * @param previousTreeSize the size of the checkpoint published before this one, or null for the first
 * @param consistencyProof RFC 9162 consistency proof (hex) from {@code previousTreeSize} to {@code treeSize}; empty
 *     for the first checkpoint or when the size did not change
 */
public record TrailCheckpointPublished(
        String logId,
        long treeSize,
        String rootHash,
        OffsetDateTime issuedAt,
        String keyId,
        String signature,
        Long previousTreeSize,
        List<String> consistencyProof) {
    /** The subject and Kafka key of every checkpoint event. */
    public static final String LOG_ID = "trail-log";
}
