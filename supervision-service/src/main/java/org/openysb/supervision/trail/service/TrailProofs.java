package org.openysb.supervision.trail.service;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.supervision.trail.model.MerkleLog;
import org.openysb.supervision.trail.repository.TrailLogRepository;

/** Roots and proofs of the trail log from its stored subtree hashes, each in one database round trip. */
@ApplicationScoped
public class TrailProofs {
    private static final HexFormat HEX = HexFormat.of();

    private final TrailLogRepository log;

    public TrailProofs(TrailLogRepository log) {
        this.log = log;
    }

    /** Runs a computation over stored nodes: the nodes it reads are fetched first, together. */
    public <T> T compute(Function<MerkleLog.Nodes, T> computation) {
        Map<MerkleLog.NodeId, byte[]> nodes = log.nodes(MerkleLog.nodesFor(computation));
        return computation.apply(id -> {
            byte[] hash = nodes.get(id);
            if (hash == null) {
                throw new MissingNode(id);
            }
            return hash;
        });
    }

    @jakarta.transaction.Transactional
    public byte[] root(long size) {
        return compute(n -> MerkleLog.root(size, n));
    }

    @jakarta.transaction.Transactional
    public List<String> inclusion(long index, long size) {
        return hex(compute(n -> MerkleLog.inclusion(index, size, n)));
    }

    @jakarta.transaction.Transactional
    public List<String> consistency(long first, long second) {
        return hex(compute(n -> MerkleLog.consistency(first, second, n)));
    }

    /** An entry's inclusion proof: its leaf hash (recomputed from the row) and the audit path. */
    public record InclusionProof(
            String caseNumber, int seq, long logIndex, long treeSize, String leafHash, List<String> path) {}

    /** The inclusion proof of a case's entry in the log of {@code treeSize}. */
    @jakarta.transaction.Transactional
    public InclusionProof inclusionOf(String caseNumber, int seq, long treeSize) {
        TrailLogRepository.Indexed entry = log.caseEntries(caseNumber).stream()
                .filter(e -> e.entry().seq == seq)
                .findFirst()
                .orElseThrow(() -> org.openysb.problem.DomainException.notFound("trail entry", caseNumber + "#" + seq));
        if (entry.logIndex() == null || entry.logIndex() >= treeSize) {
            throw org.openysb.problem.DomainException.conflict(
                    "trail-entry-not-covered",
                    "该留痕尚未纳入此检查点",
                    "The entry is not covered by this checkpoint",
                    "entry " + caseNumber + "#" + seq + " has log index " + entry.logIndex() + ", the tree " + treeSize
                            + " entries");
        }
        if (treeSize > log.size()) {
            throw org.openysb.problem.DomainException.invalidField(
                    "treeSize", treeSize, "日志没有这么多条目", "the log is not that large");
        }
        byte[] leaf = org.openysb.contracts.trail.Merkle.leafHash(entry.entry().leafData());
        return new InclusionProof(
                caseNumber,
                seq,
                entry.logIndex(),
                treeSize,
                HEX.formatHex(leaf),
                inclusion(entry.logIndex(), treeSize));
    }

    /** The log's size now. */
    @jakarta.transaction.Transactional
    public long size() {
        return log.size();
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** A stored subtree hash the log should have is missing (rows were deleted). */
    public static class MissingNode extends RuntimeException {
        public MissingNode(MerkleLog.NodeId id) {
            super("trail log node missing: level " + id.level() + ", index " + id.index());
        }
    }
}
