package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openysb.intake.model.RepeatCandidate;
import org.openysb.intake.model.TextSimilarity;
import org.openysb.intake.repository.SubmissionBatchRepository;

/**
 * What the submission writer knows of stored cases, by id: exactly what repeat detection compares (case number,
 * district, received time, the complainant's keyed mobile hash, the repeat link and the text's bigrams), never
 * personal data in clear. None of it changes once a case is stored, so a case that comes up for many new complaints
 * is read and cut into bigrams once; the earliest learnt are dropped beyond the capacity
 * ({@code intake.repeats.known-cases}). Any thread may {@link #get} (the writer's candidates are gathered in
 * parallel); only the writer thread {@link #learn}s.
 */
final class KnownCases {
    record Known(
            long id,
            String caseNumber,
            String district,
            String mobileHash,
            String repeatOf,
            OffsetDateTime receivedAt,
            int[] grams,
            long receivedAtMillis) {
        Known(
                long id,
                String caseNumber,
                String district,
                String mobileHash,
                String repeatOf,
                OffsetDateTime receivedAt,
                int[] grams) {
            this(
                    id,
                    caseNumber,
                    district,
                    mobileHash,
                    repeatOf,
                    receivedAt,
                    grams,
                    receivedAt.toInstant().toEpochMilli());
        }
    }

    /** Newest first; of equal times, the higher id first. */
    private static final Comparator<Known> NEWEST_FIRST = (a, b) -> a.receivedAtMillis() != b.receivedAtMillis()
            ? Long.compare(b.receivedAtMillis(), a.receivedAtMillis())
            : Long.compare(b.id(), a.id());
    /** The order they are compared in: oldest first; of equal times, the higher id first. */
    private static final Comparator<Known> AS_COMPARED = (a, b) -> a.receivedAtMillis() != b.receivedAtMillis()
            ? Long.compare(a.receivedAtMillis(), b.receivedAtMillis())
            : Long.compare(b.id(), a.id());

    private final Map<Long, Known> byId = new java.util.concurrent.ConcurrentHashMap<>(4096);
    /** The ids in the order they were learnt (writer thread only). */
    private final java.util.ArrayDeque<Long> order = new java.util.ArrayDeque<>();

    private final int max;

    KnownCases(int capacity) {
        this.max = Math.max(1, capacity);
    }

    /** A known case, or null. */
    Known get(long id) {
        return byId.get(id);
    }

    /** A case read from the database. */
    Known learn(SubmissionBatchRepository.Described d) {
        return learn(new Known(
                d.id(),
                d.caseNumber(),
                d.district(),
                d.mobileHash(),
                d.repeatOf(),
                d.receivedAt(),
                TextSimilarity.compactBigrams(d.text())));
    }

    /** A case just stored (its bigrams already computed), or read. */
    Known learn(Known known) {
        if (byId.put(known.id(), known) == null) {
            order.add(known.id());
            while (order.size() > max) {
                byId.remove(order.poll());
            }
        }
        return known;
    }

    /**
     * Of {@code cases}, those within the query's window (and of its district when {@code sameDistrict}): the newest
     * {@code limit} of them, oldest first (the order {@link RepeatDetection#closest} compares them in; of equal times,
     * the higher id first), as candidates without their text (their bigrams come with them).
     */
    static List<RepeatCandidate> newest(
            Collection<Known> cases, RepeatDetection.Query q, boolean sameDistrict, int limit) {
        if (cases.isEmpty()) {
            return List.of();
        }
        long since = q.since().toInstant().toEpochMilli();
        long until = q.until().toInstant().toEpochMilli();
        List<Known> within = new ArrayList<>(cases.size());
        for (Known k : cases) {
            if (k.receivedAtMillis() < since
                    || k.receivedAtMillis() > until
                    || (sameDistrict && !q.district().equals(k.district()))) {
                continue;
            }
            within.add(k);
        }
        if (within.size() > limit) {
            within.sort(NEWEST_FIRST);
            within = new ArrayList<>(within.subList(0, limit));
        }
        within.sort(AS_COMPARED);
        List<RepeatCandidate> candidates = new ArrayList<>(within.size());
        for (Known k : within) {
            candidates.add(new RepeatCandidate(
                    k.caseNumber(), null, null, k.district(), k.mobileHash(), k.repeatOf(), k.receivedAt(), k.grams()));
        }
        return candidates;
    }
}
