package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private final ComplaintRepository complaints;
    private final RepeatIndex index;
    private final IntakeConfig.Repeats config;

    public RepeatDetection(ComplaintRepository complaints, RepeatIndex index, IntakeConfig config) {
        this.complaints = complaints;
        this.index = index;
        this.config = config.repeats();
    }

    public record Match(String caseNumber, double similarity) {}

    /**
     * What a new complaint is compared by: its window, its complainant, its text's character bigrams and the
     * near-duplicate keys its earlier cases would share ({@code lookupKeys}). Computing it also sets the complaint's own
     * keys ({@link Complaint#repeatKeys}), stored with the case.
     */
    public record Query(
            String district,
            String mobileHash,
            OffsetDateTime since,
            OffsetDateTime until,
            int[] grams,
            long[] lookupKeys) {

        public Query {
            lookupKeys = lookupKeys.clone();
            java.util.Arrays.sort(lookupKeys); // searched by admits
        }

        /** Whether an earlier complaint is a candidate: the same complainant, or the same district sharing a key. */
        boolean admits(Complaint earlier) {
            if (earlier.receivedAt.isBefore(since) || earlier.receivedAt.isAfter(until)) {
                return false;
            }
            if (mobileHash != null && mobileHash.equals(earlier.complainant.mobileHash)) {
                return true;
            }
            if (!district.equals(earlier.district) || earlier.repeatKeys == null) {
                return false;
            }
            for (long key : earlier.repeatKeys) {
                if (java.util.Arrays.binarySearch(lookupKeys, key) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    public Query query(Complaint complaint) {
        // within the window on either side: a call or letter received long before an existing case (a late
        // import, an old postmark) is not about "the same matter within the window" either
        OffsetDateTime since = complaint.receivedAt.minus(config.window());
        OffsetDateTime until = complaint.receivedAt.plus(config.window());
        long[] codes = TextSimilarity.bigramCodes(complaint.title + "\n" + complaint.content);
        // near duplicates from anyone in the district: only the cases that share a locality-sensitive key, found
        // through an index, instead of the newest max-candidates cases of the district compared one by one
        long[] signature = RepeatSketch.signature(codes);
        complaint.repeatKeys = RepeatSketch.keys(complaint.district, signature);
        // the earlier cases sharing a key are looked up within the window (RepeatIndex)
        return new Query(
                complaint.district,
                complaint.complainant.mobileHash,
                since,
                until,
                TextSimilarity.compact(codes),
                complaint.repeatKeys);
    }

    /**
     * The earlier case a complaint repeats (one complaint, in the caller's transaction): the candidates are found in
     * the repeat index and read by id — or, when the complaint's window reaches further back than the index holds,
     * the complainant's and the district's newest cases are read from the database.
     */
    public Optional<Match> findEarlierCase(Complaint complaint) {
        Query q = query(complaint);
        int limit = config.maxCandidates();
        if (!index.covers(q.since())) {
            List<RepeatCandidate> candidates = new ArrayList<>();
            if (q.mobileHash() != null) {
                candidates.addAll(
                        complaints.listSameComplainantCandidates(q.mobileHash(), q.since(), q.until(), limit));
            }
            candidates.addAll(complaints.listDistrictCandidates(q.district(), q.since(), q.until(), limit));
            return best(q, candidates);
        }
        Found found = lookUp(q);
        Newest same = found.same();
        Newest near = found.near();
        // the complainant's newest and the district's newest sharing a key, read and compared oldest first in
        // chunks: once an identical case is found, the newer ones need not even be read
        Map<Long, Long> times = new java.util.HashMap<>();
        for (Newest cases : List.of(same, near)) {
            for (int i = 0; i < cases.size(); i++) {
                times.put(cases.id(i), cases.time(i));
            }
        }
        java.util.Set<Long> chosen = new java.util.HashSet<>(same.ids(limit));
        chosen.addAll(near.ids(limit));
        List<Long> ids = new ArrayList<>(chosen);
        ids.sort(java.util.Comparator.comparing((Long id) -> times.get(id)).thenComparing(id -> id));
        Map<String, int[]> codes = new java.util.HashMap<>();
        Scored closest = null;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            if (closest != null
                    && closest.score() >= 1.0
                    && times.get(chunk.get(0))
                            >= closest.candidate().receivedAt().toInstant().toEpochMilli()) {
                break;
            }
            closest = closest(q, complaints.listCandidates(chunk), codes, closest);
        }
        return match(closest);
    }

    /** What the repeat index brings up for a query: the complainant's cases, and those sharing a key with it. */
    record Found(Newest same, Newest near) {}

    /** The cases the repeat index holds for a query within its window (the index must {@link RepeatIndex#covers} it). */
    Found lookUp(Query q) {
        Newest same = new Newest();
        if (q.mobileHash() != null) {
            index.lookUpComplainant(q.mobileHash(), q.since(), q.until(), same);
        }
        Newest near = new Newest();
        for (long key : q.lookupKeys()) {
            index.lookUp(key, q.since(), q.until(), near);
        }
        return new Found(same, near);
    }

    /** Candidates read at a time by {@link #findEarlierCase}. */
    private static final int CHUNK = 50;

    /**
     * The cases that came up in the index, each once (a case shares several keys with a close text), in the order
     * they came up: ids and received times in primitive arrays, deduplicated through an {@link IdSet} (a
     * complaint brings up a few hundred of them under load; boxed maps of them were a tenth of the writer's time).
     */
    static final class Newest implements RepeatIndex.Found {
        private final IdSet seen = new IdSet(32);
        private long[] ids = new long[16];
        private long[] times = new long[16];
        private int size;

        @Override
        public void found(long id, long receivedAtMillis) {
            if (seen.add(id)) {
                if (size == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, size * 2);
                    times = java.util.Arrays.copyOf(times, size * 2);
                }
                ids[size] = id;
                times[size] = receivedAtMillis;
                size++;
            }
        }

        int size() {
            return size;
        }

        long id(int i) {
            return ids[i];
        }

        long time(int i) {
            return times[i];
        }

        /** At most {@code limit} of them, newest first (of equal times, the higher id). */
        List<Long> ids(int limit) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(
                    order,
                    (a, b) -> times[a] != times[b] ? Long.compare(times[b], times[a]) : Long.compare(ids[b], ids[a]));
            List<Long> out = new ArrayList<>(Math.min(limit, size));
            for (int i = 0; i < Math.min(limit, size); i++) {
                out.add(ids[order[i]]);
            }
            return out;
        }
    }

    public int maxCandidates() {
        return config.maxCandidates();
    }

    /** The closest candidate at or above its threshold, as the root of its group (of equally close: the earliest). */
    public Optional<Match> best(Query q, List<RepeatCandidate> candidates) {
        return best(q, candidates, new java.util.HashMap<>());
    }

    /**
     * {@link #best(Query, List)} with the candidates' bigrams kept in {@code codes} (by case number), for a caller that
     * compares many complaints with overlapping candidates.
     */
    public Optional<Match> best(Query q, List<RepeatCandidate> candidates, Map<String, int[]> codes) {
        return match(closest(q, candidates, codes, null));
    }

    /** A candidate with its exact similarity. */
    public record Scored(RepeatCandidate candidate, double score) {}

    /**
     * The closest of {@code candidates} at or above its threshold, or {@code so far} when none is closer (of equally
     * close: the earlier received; of those, the one seen first, {@code so far} before the list): {@link #best} in
     * steps, so that the candidates of a complaint can be compared in parts.
     */
    public Scored closest(Query q, List<RepeatCandidate> candidates, Map<String, int[]> codes, Scored soFar) {
        String mobileHash = q.mobileHash();
        int[] grams = q.grams();
        RepeatCandidate best = soFar == null ? null : soFar.candidate();
        double bestScore = soFar == null ? 0 : soFar.score();
        // oldest first (a stable sort: of equally old, the one seen first first), so that once an identical case is
        // found the rest can be left out — none of them can be closer, nor as close and earlier (a mass complaint
        // filed a thousand times compares each new copy with one case, not with max-candidates of them)
        List<RepeatCandidate> oldestFirst = new ArrayList<>(candidates);
        oldestFirst.sort(java.util.Comparator.comparing(RepeatCandidate::receivedAt));
        for (RepeatCandidate candidate : oldestFirst) {
            if (best != null && bestScore >= 1.0 && !candidate.receivedAt().isBefore(best.receivedAt())) {
                break;
            }
            boolean sameComplainant = mobileHash != null && mobileHash.equals(candidate.mobileHash());
            boolean sameDistrict = q.district().equals(candidate.district());
            double threshold = sameComplainant
                    ? Math.min(config.sameComplainantThreshold(), config.sameDistrictThreshold())
                    : config.sameDistrictThreshold();
            if (!sameComplainant && !sameDistrict) {
                continue;
            }
            // only a score that may still win is computed exactly: at least the threshold and the best so far
            double score = TextSimilarity.jaccardAtLeast(
                    grams,
                    candidate.grams() != null
                            ? candidate.grams()
                            : codes.computeIfAbsent(
                                    candidate.caseNumber(), k -> TextSimilarity.compactBigrams(candidate.text())),
                    best == null ? threshold : Math.max(threshold, bestScore));
            // of two equally similar cases the earlier one
            if (score >= threshold
                    && (best == null
                            || score > bestScore
                            || (score == bestScore && candidate.receivedAt().isBefore(best.receivedAt())))) {
                best = candidate;
                bestScore = score;
            }
        }
        return best == null ? null : new Scored(best, bestScore);
    }

    /** The repeat link to the root of the closest candidate's group, if any. */
    public Optional<Match> match(Scored closest) {
        if (closest == null) {
            return Optional.empty();
        }
        RepeatCandidate best = closest.candidate();
        String root = best.repeatOf() != null ? best.repeatOf() : best.caseNumber();
        return Optional.of(new Match(root, Math.round(closest.score() * 1000) / 1000.0));
    }
}
