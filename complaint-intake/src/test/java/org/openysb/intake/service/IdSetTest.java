package org.openysb.intake.service;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The id set agrees with a HashSet through its growth, for sequential and scattered ids. */
class IdSetTest {
    @Test
    void shouldHoldWhatAHashSetHolds() {
        IdSet ids = new IdSet(4);
        Set<Long> expected = new HashSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            long id = i % 2 == 0 ? 1 + i / 2 : 1 + (random.nextLong() >>> 1);
            assertEquals(expected.add(id), ids.add(id), "adding " + id);
            if (i % 3 == 0) {
                assertEquals(expected.add(id), ids.add(id), "adding " + id + " again");
            }
        }
        for (long id : expected) {
            assertEquals(true, ids.contains(id));
        }
        assertFalse(ids.contains(-5));
        assertFalse(ids.contains(Long.MAX_VALUE));
    }
}
