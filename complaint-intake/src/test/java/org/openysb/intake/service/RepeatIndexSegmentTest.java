package org.openysb.intake.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One period of the repeat index through many rehashes of its shards and growths of its arrays: every case comes up
 * under each fingerprint it was added under, newest first, within the time range asked for, and nothing else does.
 */
class RepeatIndexSegmentTest {
    @Test
    void shouldFindEveryCaseUnderItsFingerprintsAfterGrowingFromEmpty() {
        RepeatIndex.Segment segment = new RepeatIndex.Segment();
        Random random = new Random(3);
        Map<Integer, List<Long>> expected = new HashMap<>();
        int[] shared = new int[500]; // fingerprints many cases share (near duplicates), the rest mostly unique
        for (int i = 0; i < shared.length; i++) {
            shared[i] = random.nextInt() | 1;
        }
        int cases = 40_000;
        for (int n = 0; n < cases; n++) {
            long id = 1_000_000L + n;
            int c = segment.addCase(id, 1_000L * n);
            for (int k = 0; k < 33; k++) {
                int fp = random.nextInt(10) == 0 ? shared[random.nextInt(shared.length)] : random.nextInt() | 1;
                segment.addEntry(fp, c);
                expected.computeIfAbsent(fp, f -> new ArrayList<>()).add(id);
            }
        }
        assertTrue(segment.contains(1_000_000L + cases - 1));
        assertFalse(segment.contains(42L));
        int checked = 0;
        for (Map.Entry<Integer, List<Long>> e : expected.entrySet()) {
            if (checked++ % 7 != 0 && e.getValue().size() == 1) {
                continue; // a sample of the unique ones, all of the shared
            }
            List<Long> found = new ArrayList<>();
            segment.lookUp(e.getKey(), Long.MIN_VALUE, Long.MAX_VALUE, (id, t) -> found.add(id));
            List<Long> newestFirst = new ArrayList<>(e.getValue());
            java.util.Collections.reverse(newestFirst);
            assertEquals(newestFirst, found, "fingerprint " + e.getKey());
        }
        // a time range: only the cases received within it
        int fp = shared[0];
        List<Long> within = new ArrayList<>();
        segment.lookUp(fp, 1_000L * 10_000, 1_000L * 20_000, (id, t) -> within.add(id));
        assertEquals(
                expected.get(fp).stream()
                        .filter(id -> id >= 1_010_000L && id <= 1_020_000L)
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList(),
                within);
        List<Long> none = new ArrayList<>();
        segment.lookUp(2, Long.MIN_VALUE, Long.MAX_VALUE, (id, t) -> none.add(id)); // even: never added
        assertEquals(List.of(), none);
    }
}
