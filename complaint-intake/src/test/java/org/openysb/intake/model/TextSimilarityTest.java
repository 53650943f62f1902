package org.openysb.intake.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextSimilarityTest {
    private static final List<String> TEXTS = List.of(
            "消防验收迟迟不给结论：我公司新建厂房于十月初申请消防验收，现场检查已经完成，但一个多月过去了仍未出具验收结论。",
            "消防验收一个多月仍未出具结论，我公司新建厂房十月初申请消防验收，现场检查早已完成。",
            "燃气报装两个月仍未通气 ABC abc 123",
            "𠀋𠀋𡈽 生僻字𠮷野家",
            "税",
            "税。",
            "",
            "！？。，",
            "aaaa aaaa");

    @Test
    void shouldGiveTheSameJaccardIndexFromCodesAsFromBigramStrings() {
        for (String a : TEXTS) {
            for (String b : TEXTS) {
                assertEquals(
                        TextSimilarity.jaccard(TextSimilarity.bigrams(a), TextSimilarity.bigrams(b)),
                        TextSimilarity.jaccard(TextSimilarity.bigramCodes(a), TextSimilarity.bigramCodes(b)),
                        1e-12,
                        a + " / " + b);
            }
            assertEquals(TextSimilarity.bigrams(a).size(), TextSimilarity.bigramCodes(a).length, a);
            assertEquals(TextSimilarity.bigrams(a).size(), TextSimilarity.compactBigrams(a).length, a);
        }
    }

    @Test
    void shouldGiveTheExactIndexWhenItReachesTheMinimumAndLessOtherwise() {
        for (String a : TEXTS) {
            for (String b : TEXTS) {
                // compared in the compact form, against the index of the bigrams as strings
                int[] x = TextSimilarity.compactBigrams(a);
                int[] y = TextSimilarity.compactBigrams(b);
                double exact = TextSimilarity.jaccard(a, b);
                for (double min : new double[] {0, 0.1, 0.35, 0.6, exact, Math.nextUp(exact), 1}) {
                    double bounded = TextSimilarity.jaccardAtLeast(x, y, min);
                    if (exact >= min) {
                        assertEquals(exact, bounded, 0.0, a + " / " + b + " at " + min);
                    } else {
                        assertTrue(bounded < min, a + " / " + b + " at " + min + ": " + bounded);
                    }
                }
            }
        }
    }
}
