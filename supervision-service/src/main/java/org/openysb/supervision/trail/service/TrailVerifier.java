package org.openysb.supervision.trail.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.contracts.trail.Merkle;
import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.problem.DomainException;
import org.openysb.supervision.model.TrailEntry;
import org.openysb.supervision.trail.model.MerkleLog;
import org.openysb.supervision.trail.repository.TrailLogRepository;
import org.openysb.supervision.trail.service.TrailVerification.Failure;

/**
 * Verifies a case's trail against a witnessed checkpoint. The chain alone can be recomputed by whoever can write the
 * table; the checkpoint's root cannot, because it is signed with a key the database never holds and kept by a witness
 * in another database. Each entry is re-hashed from its row and its inclusion proof checked against that root.
 */
@ApplicationScoped
public class TrailVerifier {
    private final TrailLogRepository log;
    private final TrailProofs proofs;
    private final TrailKeys keys;
    private final WitnessClient witness;

    public TrailVerifier(TrailLogRepository log, TrailProofs proofs, TrailKeys keys, WitnessClient witness) {
        this.log = log;
        this.proofs = proofs;
        this.keys = keys;
        this.witness = witness;
    }

    /** Verifies against the checkpoint given, or (null) the witness's latest. */
    @Transactional
    public TrailVerification verify(String caseNumber, SignedCheckpoint given) {
        List<TrailLogRepository.Indexed> entries = log.caseEntries(caseNumber);
        if (entries.isEmpty()) {
            throw DomainException.notFound("case", caseNumber);
        }
        List<Failure> failures = new ArrayList<>();
        chain(entries, failures);
        SignedCheckpoint cp = given;
        String source = "input";
        String problem = null;
        if (cp == null) {
            WitnessClient.Answer answer = witness.latest();
            cp = answer.checkpoint().orElse(null);
            source = cp == null ? "none" : "witness";
            problem = answer.problem();
        }
        long logSize = log.size();
        int covered = 0;
        int pending = 0;
        if (cp != null && checkpoint(cp, logSize, failures)) {
            long size = cp.treeSize();
            List<TrailLogRepository.Indexed> inTree = entries.stream()
                    .filter(e -> e.logIndex() != null && e.logIndex() < size)
                    .toList();
            covered = inTree.size();
            pending = entries.size() - covered;
            inclusion(inTree, cp, failures);
        } else {
            pending = entries.size();
        }
        String brokenAt = failures.isEmpty()
                ? null
                : failures.get(0).seq() != null
                        ? "seq " + failures.get(0).seq()
                        : "checkpoint " + (cp == null ? "?" : cp.treeSize());
        return new TrailVerification(
                caseNumber,
                failures.isEmpty(),
                brokenAt,
                entries.size(),
                TrailVerification.Checkpoint.of(cp),
                source,
                problem,
                logSize,
                covered,
                pending,
                failures);
    }

    private static void chain(List<TrailLogRepository.Indexed> entries, List<Failure> failures) {
        String expectedPrev = TrailEntry.GENESIS;
        int expectedSeq = 1;
        for (TrailLogRepository.Indexed i : entries) {
            TrailEntry e = i.entry();
            if (e.seq != expectedSeq || !e.prevHash.equals(expectedPrev) || !e.hash.equals(e.computeHash())) {
                failures.add(new Failure(
                        "CHAIN",
                        e.seq,
                        i.logIndex(),
                        "第 " + e.seq + " 条留痕的哈希链不符",
                        "entry seq " + e.seq + " breaks the case's hash chain"));
                return;
            }
            expectedPrev = e.hash;
            expectedSeq++;
        }
    }

    /** Checks the checkpoint itself; false when the entries cannot be checked against it. */
    private boolean checkpoint(SignedCheckpoint cp, long logSize, List<Failure> failures) {
        Optional<java.security.PublicKey> key = keys.publicKey();
        if (key.isEmpty() || !cp.verify(key.get())) {
            failures.add(new Failure(
                    "SIGNATURE",
                    null,
                    null,
                    "检查点（" + cp.treeSize() + " 条）的签名不是本日志密钥所签",
                    "checkpoint of size " + cp.treeSize() + " is not signed by the log's key"));
            return false;
        }
        long indexed = logSize >= cp.treeSize() ? log.indexedBelow(cp.treeSize()) : logSize;
        if (logSize < cp.treeSize() || indexed < cp.treeSize()) {
            failures.add(new Failure(
                    "LOG_SHRANK",
                    null,
                    null,
                    "留痕日志只剩 " + Math.min(logSize, indexed) + " 条，少于见证检查点的 " + cp.treeSize() + " 条",
                    "the trail log holds " + Math.min(logSize, indexed) + " entries, fewer than the " + cp.treeSize()
                            + " of the witnessed checkpoint"));
        }
        byte[] stored;
        try {
            stored = logSize >= cp.treeSize() ? proofs.root(cp.treeSize()) : null;
        } catch (TrailProofs.MissingNode e) {
            stored = null;
        }
        if (stored == null || !Arrays.equals(stored, cp.root())) {
            failures.add(new Failure(
                    "TREE_REWRITTEN",
                    null,
                    null,
                    "库中日志树在 " + cp.treeSize() + " 条处的根哈希与见证检查点不符",
                    "the stored log tree's root at size " + cp.treeSize() + " differs from the witnessed checkpoint"));
        }
        return true;
    }

    private void inclusion(List<TrailLogRepository.Indexed> entries, SignedCheckpoint cp, List<Failure> failures) {
        long size = cp.treeSize();
        byte[] root = cp.root();
        List<List<byte[]>> paths;
        try {
            paths = proofs.compute(n -> entries.stream()
                    .map(e -> MerkleLog.inclusion(e.logIndex(), size, n))
                    .toList());
        } catch (TrailProofs.MissingNode e) {
            paths = null;
        }
        for (int k = 0; k < entries.size(); k++) {
            TrailLogRepository.Indexed i = entries.get(k);
            byte[] leaf = Merkle.leafHash(i.entry().leafData());
            if (paths == null || !Merkle.verifyInclusion(i.logIndex(), size, leaf, paths.get(k), root)) {
                failures.add(new Failure(
                        "INCLUSION",
                        i.entry().seq,
                        i.logIndex(),
                        "第 " + i.entry().seq + " 条留痕（日志序号 " + i.logIndex() + "）与见证检查点不符：已被改动",
                        "entry seq " + i.entry().seq + " (log index " + i.logIndex()
                                + ") is not the entry the witnessed checkpoint holds: it was changed"));
            }
        }
        failures.sort(java.util.Comparator.comparing((Failure f) -> f.seq() == null ? Integer.MAX_VALUE : f.seq()));
    }
}
