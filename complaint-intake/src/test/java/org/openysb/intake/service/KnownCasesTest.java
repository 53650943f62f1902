package org.openysb.intake.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openysb.intake.model.RepeatCandidate;
import org.openysb.intake.repository.SubmissionBatchRepository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the submission writer keeps of stored cases: the candidates of one rule are those within the window (and of the
 * district for near duplicates), the newest max-candidates of them — as the one-by-one queries chose them — oldest
 * first, and
 * the earliest learnt cases are forgotten beyond the capacity.
 */
class KnownCasesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private static RepeatDetection.Query query(String district) {
        return new RepeatDetection.Query(
                district, "mobile-hash", NOW.minusDays(30), NOW.plusDays(30), new int[0], new long[0]);
    }

    @Test
    void shouldChooseTheNewestWithinTheWindowAndTheDistrict() {
        KnownCases known = new KnownCases(100);
        Map<Long, KnownCases.Known> cases = new HashMap<>();
        long id = 0;
        for (String[] c : new String[][] {
            {"TS1", "D01", "-40"}, // before the window
            {"TS2", "D01", "-20"},
            {"TS3", "D02", "-10"}, // another district
            {"TS4", "D01", "-5"},
            {"TS5", "D01", "-5"}, // as new as TS4: the higher id first
            {"TS6", "D01", "31"}, // after the window
            {"TS7", "D01", "-1"}
        }) {
            id++;
            cases.put(
                    id,
                    known.learn(new KnownCases.Known(
                            id, c[0], c[1], "mobile-hash", null, NOW.plusDays(Long.parseLong(c[2])), new int[] {(int) id
                            })));
        }
        List<KnownCases.Known> all = List.copyOf(cases.values());
        // oldest first, as they are compared; of equal times the higher id first
        assertEquals(
                List.of("TS2", "TS5", "TS4", "TS7"),
                KnownCases.newest(all, query("D01"), true, 10).stream()
                        .map(RepeatCandidate::caseNumber)
                        .toList());
        // at most max-candidates: the newest
        assertEquals(
                List.of("TS5", "TS7"),
                KnownCases.newest(all, query("D01"), true, 2).stream()
                        .map(RepeatCandidate::caseNumber)
                        .toList());
        // the same complainant anywhere: the district does not matter
        assertEquals(
                List.of("TS2", "TS3", "TS5", "TS4", "TS7"),
                KnownCases.newest(all, query("D01"), false, 10).stream()
                        .map(RepeatCandidate::caseNumber)
                        .toList());
        assertEquals(List.of(), KnownCases.newest(List.of(), query("D01"), true, 10));
    }

    @Test
    void shouldForgetTheEarliestLearntBeyondItsCapacity() {
        KnownCases known = new KnownCases(2);
        known.learn(new SubmissionBatchRepository.Described(1, "TS1", "D01", null, null, NOW, "营业执照\n办理超期"));
        known.learn(new SubmissionBatchRepository.Described(2, "TS2", "D01", null, "TS1", NOW, "营业执照\n办理超期"));
        known.learn(new SubmissionBatchRepository.Described(2, "TS2", "D01", null, "TS1", NOW, "营业执照\n办理超期"));
        assertNotNull(known.get(1), "learning a case again does not count twice");
        known.learn(new SubmissionBatchRepository.Described(3, "TS3", "D01", null, null, NOW, "燃气报装"));
        assertNull(known.get(1));
        assertNotNull(known.get(2));
        assertNotNull(known.get(3));
        assertEquals("TS2", known.get(2).caseNumber());
        assertEquals(7, known.get(2).grams().length); // 营业 业执 执照 照办 办理 理超 超期: bigrams across the line break
    }
}
