package org.openysb.intake.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        }
    }
}
