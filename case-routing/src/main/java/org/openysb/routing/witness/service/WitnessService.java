package org.openysb.routing.witness.service;

import java.security.PublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.openysb.contracts.events.TrailCheckpointPublished;
import org.openysb.contracts.trail.Merkle;
import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.routing.witness.model.Refusal;
import org.openysb.routing.witness.repository.WitnessRepository;

/**
 * The witness of supervision-service's trail log. A checkpoint is kept only when it is signed by the log's public key
 * ({@code trail.witness.public-key}) and its consistency proof shows that it extends the last checkpoint kept (the
 * log only grew); anything else is refused, logged as an error and counted ({@code trail_witness_refused_total}).
 * The first checkpoint is taken as it comes (there is nothing to check it against).
 */
@ApplicationScoped
public class WitnessService {
    private static final Logger LOG = Logger.getLogger(WitnessService.class);

    private final WitnessRepository repository;
    private final MeterRegistry metrics;
    private final PublicKey key;

    public WitnessService(
            WitnessRepository repository,
            MeterRegistry metrics,
            @ConfigProperty(name = "trail.witness.public-key") Optional<String> publicKey) {
        this.repository = repository;
        this.metrics = metrics;
        this.key = publicKey
                .filter(k -> !k.isBlank())
                .map(SignedCheckpoint::publicKey)
                .orElse(null);
    }

    /** What the witness did with a checkpoint. */
    public enum Outcome {
        ACCEPTED,
        ALREADY_WITNESSED,
        REFUSED
    }

    @Transactional
    public Outcome witness(TrailCheckpointPublished event, String eventId) {
        repository.lock();
        SignedCheckpoint cp;
        try {
            cp = new SignedCheckpoint(
                    event.treeSize(), event.rootHash(), event.issuedAt().toInstant(), event.keyId(), event.signature());
        } catch (RuntimeException e) {
            return refuse(eventId, event.treeSize(), event.rootHash(), "MALFORMED", e.toString());
        }
        if (key == null) {
            return refuse(
                    eventId, cp.treeSize(), cp.rootHash(), "NO_PUBLIC_KEY", "trail.witness.public-key is not set");
        }
        if (!cp.rootHash().matches("^[0-9a-f]{64}$") || !cp.verify(key)) {
            return refuse(
                    eventId,
                    cp.treeSize(),
                    cp.rootHash(),
                    "BAD_SIGNATURE",
                    "the signature is not the trail log's key's (" + SignedCheckpoint.keyId(key) + ")");
        }
        Optional<SignedCheckpoint> same = repository.bySize(cp.treeSize());
        if (same.isPresent()) {
            if (same.get().rootHash().equals(cp.rootHash())) {
                return Outcome.ALREADY_WITNESSED;
            }
            return refuse(
                    eventId,
                    cp.treeSize(),
                    cp.rootHash(),
                    "SECOND_ROOT",
                    "a different root was witnessed for size " + cp.treeSize() + ": "
                            + same.get().rootHash());
        }
        Optional<SignedCheckpoint> latest = repository.latest();
        if (latest.isPresent()) {
            SignedCheckpoint last = latest.get();
            if (cp.treeSize() < last.treeSize()) {
                return refuse(
                        eventId,
                        cp.treeSize(),
                        cp.rootHash(),
                        "SMALLER_THAN_WITNESSED",
                        "size " + cp.treeSize() + " is below the witnessed " + last.treeSize());
            }
            if (event.previousTreeSize() == null || event.previousTreeSize() != last.treeSize()) {
                return refuse(
                        eventId,
                        cp.treeSize(),
                        cp.rootHash(),
                        "NO_CONSISTENCY_PROOF",
                        "the proof starts at " + event.previousTreeSize() + ", the witness holds " + last.treeSize());
            }
            List<byte[]> proof;
            try {
                proof = event.consistencyProof().stream()
                        .map(HexFormat.of()::parseHex)
                        .toList();
            } catch (RuntimeException e) {
                return refuse(eventId, cp.treeSize(), cp.rootHash(), "MALFORMED", "consistency proof: " + e);
            }
            if (!Merkle.verifyConsistency(last.treeSize(), cp.treeSize(), last.root(), cp.root(), proof)) {
                return refuse(
                        eventId,
                        cp.treeSize(),
                        cp.rootHash(),
                        "INCONSISTENT",
                        "not an extension of the witnessed checkpoint of size " + last.treeSize() + " (root "
                                + last.rootHash() + "): the log was rewritten");
            }
        } else {
            LOG.infof("trail witness: first checkpoint, size %d, taken as it comes", cp.treeSize());
        }
        repository.insert(cp, eventId);
        metrics.counter("trail_witness_accepted_total").increment();
        return Outcome.ACCEPTED;
    }

    private Outcome refuse(String eventId, Long size, String root, String reason, String detail) {
        LOG.errorf("trail witness REFUSED checkpoint (event %s, size %s): %s: %s", eventId, size, reason, detail);
        metrics.counter("trail_witness_refused_total", "reason", reason).increment();
        repository.insertRefusal(eventId, size, root, reason, detail);
        return Outcome.REFUSED;
    }

    @Transactional
    public Optional<SignedCheckpoint> latest() {
        return repository.latest();
    }

    @Transactional
    public Optional<SignedCheckpoint> bySize(long treeSize) {
        return repository.bySize(treeSize);
    }

    @Transactional
    public List<Refusal> refusals() {
        return repository.refusals(100);
    }
}
