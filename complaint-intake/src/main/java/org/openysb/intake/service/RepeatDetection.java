package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.RepeatCandidate;
import org.openysb.intake.model.RepeatSketch;
import org.openysb.intake.model.TextSimilarity;
import org.openysb.intake.repository.ComplaintRepository;

/**
 * Finds the earlier case a new complaint repeats (并单): the same complainant (same mobile number) about a similar
 * matter, or near-duplicate text about the same district from anyone, within the configured window (either side of
 * the new case's received time). A repeat links to the first case of its group, never to another repeat; its
 * similarity is the one to the closest case of the group (which may be another repeat).
 */
@ApplicationScoped
public class RepeatDetection {
    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    private final ComplaintRepository complaints;
    private final IntakeConfig.Repeats config;

    public RepeatDetection(ComplaintRepository complaints, IntakeConfig config) {
        this.complaints = complaints;
        this.config = config.repeats();
    }

    public record Match(String caseNumber, double similarity) {}

    private volatile OffsetDateTime newestUnkeyed;
    private volatile long unkeyedCheckedAt;
    private volatile boolean unkeyedKnown;

    /**
     * Whether cases stored before the near-duplicate keys existed may still be within the window: looked up at most
     * every {@code intake.repeats.unkeyed-recheck}, so that once they have all left the window a submission no longer asks for them.
     */
    private boolean unkeyedMayBeWithin(OffsetDateTime since) {
        long now = System.nanoTime();
        if (!unkeyedKnown || now - unkeyedCheckedAt >= config.unkeyedRecheck().toNanos()) {
            newestUnkeyed = complaints.newestUnkeyed();
            unkeyedCheckedAt = now;
            unkeyedKnown = true;
        }
        OffsetDateTime newest = newestUnkeyed;
        return newest != null && !newest.isBefore(since);
    }

    public Optional<Match> findEarlierCase(Complaint complaint) {
        // within the window on either side: a call or letter received long before an existing case (a late
        // import, an old postmark) is not about "the same matter within the window" either
        OffsetDateTime since = complaint.receivedAt.minus(config.window());
        OffsetDateTime until = complaint.receivedAt.plus(config.window());
        String mobileHash = complaint.complainant.mobileHash;
        Set<String> grams = TextSimilarity.bigrams(complaint.title + "\n" + complaint.content);
        List<RepeatCandidate> candidates = new ArrayList<>();
        if (mobileHash != null) {
            candidates.addAll(
                    complaints.listSameComplainantCandidates(mobileHash, since, until, config.maxCandidates()));
        }
        // near duplicates from anyone in the district: only the cases that share a locality-sensitive key, found
        // through an index, instead of the newest max-candidates cases of the district compared one by one
        long[] signature = RepeatSketch.signature(grams);
        complaint.repeatKeyed = true;
        complaint.repeatKeys = RepeatSketch.keys(
                complaint.district,
                RepeatSketch.period(
                        complaint.receivedAt.atZoneSameInstant(CHINA).toLocalDate()),
                signature);
        long[] lookup = RepeatSketch.lookupKeys(
                complaint.district,
                RepeatSketch.period(since.atZoneSameInstant(CHINA).toLocalDate()),
                RepeatSketch.period(until.atZoneSameInstant(CHINA).toLocalDate()),
                signature);
        candidates.addAll(complaints.listNearDuplicateCandidates(
                complaint.district, lookup, since, until, config.maxCandidates()));
        if (unkeyedMayBeWithin(since)) {
            candidates.addAll(
                    complaints.listUnkeyedDistrictCandidates(complaint.district, since, until, config.maxCandidates()));
        }
        RepeatCandidate best = null;
        double bestScore = 0;
        for (RepeatCandidate candidate : candidates) {
            boolean sameComplainant = mobileHash != null && mobileHash.equals(candidate.mobileHash());
            boolean sameDistrict = complaint.district.equals(candidate.district());
            double threshold = sameComplainant
                    ? Math.min(config.sameComplainantThreshold(), config.sameDistrictThreshold())
                    : config.sameDistrictThreshold();
            if (!sameComplainant && !sameDistrict) {
                continue;
            }
            double score = TextSimilarity.jaccard(grams, TextSimilarity.bigrams(candidate.text()));
            // of two equally similar cases the earlier one
            if (score >= threshold
                    && (best == null
                            || score > bestScore
                            || (score == bestScore && candidate.receivedAt().isBefore(best.receivedAt())))) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String root = best.repeatOf() != null ? best.repeatOf() : best.caseNumber();
        return Optional.of(new Match(root, Math.round(bestScore * 1000) / 1000.0));
    }
}
