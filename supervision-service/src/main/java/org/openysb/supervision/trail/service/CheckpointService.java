package org.openysb.supervision.trail.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.TrailCheckpointPublished;
import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.supervision.trail.repository.TrailLogRepository;

/**
 * Signs checkpoints of the trail log (size, root, time; Ed25519) and publishes them on ysb.trail-checkpoints through
 * the outbox, each with the consistency proof from the one before: every few minutes and on demand. A checkpoint is
 * signed only when the log grew since the last one, and never over a log smaller than the last one.
 */
@ApplicationScoped
public class CheckpointService {
    private static final Logger LOG = Logger.getLogger(CheckpointService.class);

    private final TrailLogRepository log;
    private final TrailProofs proofs;
    private final TrailKeys keys;
    private final Outbox outbox;

    public CheckpointService(TrailLogRepository log, TrailProofs proofs, TrailKeys keys, Outbox outbox) {
        this.log = log;
        this.proofs = proofs;
        this.keys = keys;
        this.outbox = outbox;
    }

    @Scheduled(
            identity = "trail-checkpoint",
            every = "${supervision.trail.checkpoint-interval:5m}",
            delay = 30,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!keys.canSign()) {
            return;
        }
        try {
            issue("system");
        } catch (RuntimeException e) {
            LOG.errorf(e, "trail checkpoint not issued");
        }
    }

    /** Signs and publishes a checkpoint of the log as sequenced now, or returns the last one if the log has not grown. */
    @Transactional
    public SignedCheckpoint issue(String issuedBy) {
        if (!keys.canSign()) {
            throw new DomainException(
                    503,
                    "trail-signing-key-missing",
                    "未配置留痕签名密钥",
                    "Trail signing key not configured",
                    "no signing key (TRAIL_SIGNING_KEY) is configured, so no checkpoint can be signed");
        }
        log.lockCheckpoints();
        long size = log.size();
        Optional<SignedCheckpoint> last = log.latestCheckpoint();
        if (last.isPresent() && last.get().treeSize() == size) {
            return last.get();
        }
        if (last.isPresent() && last.get().treeSize() > size) {
            LOG.errorf(
                    "trail log has %d entries, fewer than the %d of the last checkpoint: not signing",
                    size, last.get().treeSize());
            throw DomainException.conflict(
                    "trail-log-shrank",
                    "留痕日志条目少于上一检查点，拒绝签发",
                    "The trail log is smaller than the last checkpoint; not signing",
                    "the trail log has " + size + " entries, the last checkpoint "
                            + last.get().treeSize());
        }
        byte[] root = proofs.root(size);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignedCheckpoint cp = SignedCheckpoint.sign(
                size, root, now, keys.privateKey().orElseThrow(), keys.keyId().orElseThrow());
        Long previous = last.map(SignedCheckpoint::treeSize).orElse(null);
        List<String> consistency = previous == null ? List.of() : proofs.consistency(previous, size);
        log.insertCheckpoint(cp, previous, issuedBy);
        outbox.append(
                EventType.TRAIL_CHECKPOINT_PUBLISHED,
                TrailCheckpointPublished.LOG_ID,
                new TrailCheckpointPublished(
                        TrailCheckpointPublished.LOG_ID,
                        size,
                        cp.rootHash(),
                        now.atOffset(ZoneOffset.UTC),
                        cp.keyId(),
                        cp.signature(),
                        previous,
                        consistency));
        LOG.infof("trail checkpoint signed: size %d, root %s", size, cp.rootHash());
        return cp;
    }

    @Transactional
    public Optional<SignedCheckpoint> latest() {
        return log.latestCheckpoint();
    }
}
