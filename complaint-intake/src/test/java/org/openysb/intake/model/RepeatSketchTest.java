package org.openysb.intake.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The near-duplicate keys on real complaint texts (the project's labelled complaints): a rephrasing that stays above
 * the near-duplicate threshold shares a key, different complaints almost never do, and keys depend on the district.
 */
class RepeatSketchTest {
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("sample-complaints.jsonl", "training-complaints.jsonl")) {
            for (String line : Files.readAllLines(Path.of("..", "reference-data", file), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    texts.add(json.readTree(line).path("text").asText());
                }
            }
        }
        return texts;
    }

    private static boolean shareKey(long[] a, long[] b) {
        Set<Long> set = new HashSet<>();
        for (long k : a) {
            set.add(k);
        }
        for (long k : b) {
            if (set.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static long[] keys(String text, String district) {
        return RepeatSketch.keys(district, RepeatSketch.signature(TextSimilarity.bigrams(text)));
    }

    /** The text with a few characters dropped and a few phrases added, the way a caller retells a complaint. */
    private static String retell(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < text.length() / 25; i++) {
            out.deleteCharAt(random.nextInt(out.length()));
        }
        out.insert(random.nextInt(out.length()), "再次反映，");
        out.append("希望尽快处理。");
        return out.toString();
    }

    @Test
    void shouldFindRetoldComplaintsAboveTheThresholdAndAlmostNothingElse() throws IOException {
        List<String> texts = texts();
        Random random = new Random(42);
        int near = 0;
        int found = 0;
        for (String text : texts) {
            String retold = retell(text, random);
            if (TextSimilarity.jaccard(text, retold) >= 0.6) {
                near++;
                if (shareKey(keys(text, "D01"), keys(retold, "D01"))) {
                    found++;
                }
            }
        }
        assertTrue(near >= 100, "enough retellings above 0.6: " + near);
        assertTrue(found >= 0.95 * near, "near duplicates that share a key: " + found + " of " + near);

        int pairs = 0;
        int colliding = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < Math.min(texts.size(), i + 40); j++) {
                if (TextSimilarity.jaccard(texts.get(i), texts.get(j)) < 0.3) {
                    pairs++;
                    if (shareKey(keys(texts.get(i), "D01"), keys(texts.get(j), "D01"))) {
                        colliding++;
                    }
                }
            }
        }
        System.out.printf(
                "near-duplicate keys: %d of %d retellings above 0.6 share a key; %d of %d pairs below 0.3 do%n",
                found, near, colliding, pairs);
        assertTrue(pairs >= 1000, "pairs of different complaints: " + pairs);
        assertTrue(colliding <= 0.01 * pairs, "different complaints sharing a key: " + colliding + " of " + pairs);
    }

    @Test
    void shouldEstimateTheBigramJaccardSimilarityAsIndependentPermutationsWould() throws IOException {
        // one-permutation hashing with densification: the share of equal bins estimates J without bias, with a
        // standard error of about sqrt(J (1 - J) / 128), 0.044 at J = 0.5
        List<String> texts = texts();
        Random random = new Random(7);
        double error = 0;
        double bias = 0;
        int n = 0;
        for (int i = 0; i < texts.size(); i++) {
            String a = texts.get(i);
            for (String b : List.of(retell(a, random), texts.get((i + 1) % texts.size()))) {
                double jaccard = TextSimilarity.jaccard(a, b);
                long[] x = RepeatSketch.signature(TextSimilarity.bigrams(a));
                long[] y = RepeatSketch.signature(TextSimilarity.bigrams(b));
                int equal = 0;
                for (int k = 0; k < x.length; k++) {
                    if (x[k] == y[k]) {
                        equal++;
                    }
                }
                double estimate = equal / (double) x.length;
                error += Math.abs(estimate - jaccard);
                bias += estimate - jaccard;
                n++;
            }
        }
        System.out.printf(
                "MinHash estimate of J over %d pairs: mean absolute error %.3f, mean error %.3f%n",
                n, error / n, bias / n);
        assertTrue(error / n < 0.05, "mean absolute error " + error / n);
        assertTrue(Math.abs(bias / n) < 0.02, "mean error " + bias / n);
    }

    @Test
    void shouldStoreKeysWithTheirVersionAndRefuseAnotherVersions() {
        long[] keys = keys("企业开办时窗口要求重复提交材料", "D01");
        byte[] stored = RepeatSketch.toBytes(keys);
        assertEquals(RepeatSketch.STORED_BYTES, stored.length);
        assertEquals(RepeatSketch.VERSION, stored[0]);
        assertTrue(java.util.Arrays.equals(keys, RepeatSketch.fromBytes(stored)));
        // version 1: 32 keys without a version byte
        assertEquals(null, RepeatSketch.fromBytes(java.util.Arrays.copyOfRange(stored, 1, stored.length)));
        stored[0] = 3;
        assertEquals(null, RepeatSketch.fromBytes(stored));
    }

    @Test
    void shouldKeyByDistrict() {
        String text = "某街道办事处对营业执照变更申请一拖再拖，窗口人员要求重复提交材料，已跑了五次仍未办结。";
        long[] signature = RepeatSketch.signature(TextSimilarity.bigrams(text));
        assertEquals(RepeatSketch.BANDS, RepeatSketch.keys("D01", signature).length);
        assertEquals(
                RepeatSketch.BANDS,
                java.util.Arrays.stream(RepeatSketch.keys("D01", signature))
                        .distinct()
                        .count());
        assertTrue(shareKey(RepeatSketch.keys("D01", signature), RepeatSketch.keys("D01", signature)));
        assertTrue(!shareKey(RepeatSketch.keys("D01", signature), RepeatSketch.keys("D02", signature)));
    }

    @Test
    void shouldComputeTheSameSignatureFromBigramCodesAsFromBigramStrings() throws IOException {
        // keys stored by earlier versions (from the bigram strings) must still be found
        List<String> texts = new ArrayList<>(texts());
        texts.add("诉"); // one letter: a bigram of one code point
        texts.add("𠀀𠀁 企业𠮷开办"); // characters outside the BMP (two UTF-16 units each)
        texts.add("ABC abc 123，一二三");
        texts.add("");
        for (String text : texts) {
            assertTrue(
                    java.util.Arrays.equals(
                            RepeatSketch.signature(TextSimilarity.bigrams(text)),
                            RepeatSketch.signature(TextSimilarity.bigramCodes(text))),
                    text);
        }
    }
}
