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
            int[] grams) {}

    private static final Comparator<Known> NEWEST_FIRST =
            Comparator.comparing(Known::receivedAt).thenComparingLong(Known::id).reversed();

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
     * Of the cases {@code ids} (described in {@code cases}), those within the query's window (and of its district
     * when {@code sameDistrict}), newest first, at most {@code limit}, as candidates without their text (their
     * bigrams come with them).
     */
    static List<RepeatCandidate> newest(
            Collection<Long> ids,
            java.util.function.LongFunction<Known> cases,
            RepeatDetection.Query q,
            boolean sameDistrict,
            int limit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Known> within = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Known k = cases.apply(id);
            if (k == null // deleted meanwhile
                    || k.receivedAt().isBefore(q.since())
                    || k.receivedAt().isAfter(q.until())
                    || (sameDistrict && !q.district().equals(k.district()))) {
                continue;
            }
            within.add(k);
        }
        within.sort(NEWEST_FIRST);
        List<RepeatCandidate> candidates = new ArrayList<>(Math.min(limit, within.size()));
        for (Known k : within.subList(0, Math.min(limit, within.size()))) {
            candidates.add(new RepeatCandidate(
                    k.caseNumber(), null, null, k.district(), k.mobileHash(), k.repeatOf(), k.receivedAt(), k.grams()));
        }
        return candidates;
    }
}
