package org.openysb.supervision.service;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingServiceTest {
    private static final Map<String, List<String>> CANDIDATES = Map.of(
            "TAX", List.of("TS1", "TS2", "TS3", "TS4", "TS5", "TS6", "TS7", "TS8", "TS9", "TS10"),
            "SCJG", List.of("TS20", "TS21"));

    @Test
    void shouldDrawTheSameCasesFromTheSameSeedWhateverTheInputOrder() {
        Map<String, List<String>> reversed = Map.of(
                "SCJG", List.of("TS21", "TS20"),
                "TAX", List.of("TS10", "TS9", "TS8", "TS7", "TS6", "TS5", "TS4", "TS3", "TS2", "TS1"));
        assertEquals(SamplingService.select(CANDIDATES, 3, 42), SamplingService.select(reversed, 3, 42));
    }

    @Test
    void shouldDrawAtMostNPerUnitWithoutRepeatsAndVaryWithTheSeed() {
        Map<String, List<String>> drawn = SamplingService.select(CANDIDATES, 3, 7);
        assertEquals(3, drawn.get("TAX").size());
        assertEquals(3, drawn.get("TAX").stream().distinct().count());
        assertEquals(List.of("TS20", "TS21"), drawn.get("SCJG"));
        assertTrue(CANDIDATES.get("TAX").containsAll(drawn.get("TAX")));
        long distinctDraws = java.util.stream.LongStream.range(0, 20)
                .mapToObj(seed -> SamplingService.select(CANDIDATES, 3, seed).get("TAX"))
                .distinct()
                .count();
        assertNotEquals(1, distinctDraws, "different seeds draw different cases");
    }
}
