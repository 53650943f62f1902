package org.openysb.supervision.trail.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.openysb.contracts.trail.Merkle;
import org.openysb.supervision.model.TrailEntry;
import org.openysb.supervision.trail.model.MerkleLog;
import org.openysb.supervision.trail.repository.TrailLogRepository;

/**
 * Gives trail entries their log index in a background step (every second), so that appending a trail entry stays a
 * plain insert that serialises nothing. Entries are taken in id order; an entry whose transaction commits after a
 * larger id was already sequenced is taken at the next step (the scan starts at a watermark below which every entry
 * is known to be in the log: a candidate watermark becomes the watermark once every transaction running when it was
 * read has ended). One instance sequences at a time (an advisory lock).
 */
@ApplicationScoped
public class TrailSequencer {
    private static final Logger LOG = Logger.getLogger(TrailSequencer.class);
    static final int BATCH = 5000;

    private final TrailLogRepository log;

    public TrailSequencer(TrailLogRepository log) {
        this.log = log;
    }

    @Scheduled(
            identity = "trail-sequencer",
            every = "${supervision.trail.sequencer-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sequenceAll();
        } catch (RuntimeException e) {
            LOG.warnf(e, "trail sequencer step failed; retried at the next step");
        }
    }

    /** Sequences every entry visible now; returns how many. */
    public int sequenceAll() {
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(this::step);
            total += n;
        } while (n == BATCH);
        return total;
    }

    /** One transaction: up to {@link #BATCH} entries appended to the log. */
    int step() {
        if (!log.tryLockSequencer()) {
            return 0;
        }
        TrailLogRepository.State s = log.lockState();
        long watermark = s.watermarkId();
        Long pendingId = s.pendingId();
        Long pendingXmax = s.pendingXmax();
        if (pendingId != null && s.snapshotXmin() >= pendingXmax) {
            watermark = Math.max(watermark, pendingId);
            pendingId = null;
            pendingXmax = null;
        }
        TrailLogRepository.Candidate candidate = log.candidate(watermark);
        List<TrailEntry> batch = log.unsequenced(watermark, BATCH);
        long size = s.size();
        if (!batch.isEmpty()) {
            var frontier = log.nodes(MerkleLog.frontier(size));
            List<byte[]> leaves =
                    batch.stream().map(e -> Merkle.leafHash(e.leafData())).toList();
            List<MerkleLog.Node> nodes = MerkleLog.append(size, leaves, frontier::get);
            log.insertLog(size, batch);
            log.insertNodes(nodes);
            size += batch.size();
        }
        if (pendingId == null && batch.size() < BATCH && candidate.maxId() > watermark) {
            pendingId = candidate.maxId();
            pendingXmax = candidate.snapshotXmax();
        }
        log.saveState(size, watermark, pendingId, pendingXmax);
        return batch.size();
    }
}
