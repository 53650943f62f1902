package org.openysb.routing.classification.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.openysb.routing.matrix.model.MatrixRow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.routing.classification.model.EvaluationData.jsonLines;

/**
 * The labelled complaints of reference-data (issue 20): large enough, every category represented in both parts, each
 * example's lead the one the responsibility matrix gives, and no evaluation text a near-copy of a text the models
 * learn from (character 5-gram Jaccard similarity above 0.5), so that the held-out numbers measure unseen phrasing.
 */
class LabelledSetTest {
    /** Texts the classifier or the misconduct guard learn from. */
    private static final List<String> LEARNT =
            List.of("sample-complaints.jsonl", "training-complaints.jsonl", "misconduct-training.jsonl");
    /** Texts only ever evaluated on. */
    private static final List<String> HELD_OUT = List.of("evaluation-complaints.jsonl", "misconduct-evaluation.jsonl");

    private static final double NEAR_DUPLICATE = 0.5;

    @Test
    void theRoutingSetHasAtLeast600ExamplesAndEveryCategoryAtLeast20InBothParts() throws IOException {
        Map<String, List<MatrixRow>> rows = EvaluationData.matrix();
        Map<String, int[]> perCategory = new TreeMap<>(); // training, evaluation
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (String file : List.of("training-complaints.jsonl", "evaluation-complaints.jsonl")) {
            int part = file.startsWith("training") ? 0 : 1;
            for (JsonNode e : jsonLines(file)) {
                total++;
                String category = e.path("category").asText();
                assertTrue(rows.containsKey(category), "unknown category in " + e);
                assertTrue(ids.add(e.path("id").asText()), "duplicate id " + e.path("id"));
                assertTrue(
                        Set.of("HOTLINE", "WEB", "LETTER")
                                .contains(e.path("channel").asText()),
                        e.toString());
                String lead = MatrixRow.select(
                                rows.get(category), e.path("district").asText())
                        .map(r -> r.lead)
                        .orElseThrow();
                assertEquals(lead, e.path("lead").asText(), "the matrix's lead for " + e.path("id"));
                perCategory.computeIfAbsent(category, c -> new int[2])[part]++;
            }
        }
        System.out.printf("labelled routing set: %d examples, per category (training + evaluation):", total);
        perCategory.forEach((c, n) -> System.out.printf(" %s %d+%d", c, n[0], n[1]));
        System.out.println();
        assertTrue(total >= 600, "examples: " + total);
        assertEquals(rows.keySet(), perCategory.keySet(), "every category has examples");
        perCategory.forEach((category, n) -> {
            assertTrue(n[0] + n[1] >= 20, category + " has " + (n[0] + n[1]));
            double held = (double) n[1] / (n[0] + n[1]);
            assertTrue(held >= 0.25 && held <= 0.45, category + " evaluation share " + held);
        });
    }

    @Test
    void noHeldOutTextIsANearDuplicateOfALearntText() throws IOException {
        List<Text> learnt = texts(LEARNT);
        List<Text> heldOut = texts(HELD_OUT);
        List<String> found = new ArrayList<>();
        double highest = 0;
        for (Text h : heldOut) {
            for (Text l : learnt) {
                double j = jaccard(h.grams(), l.grams());
                highest = Math.max(highest, j);
                if (j > NEAR_DUPLICATE) {
                    found.add(String.format("%s ~ %s (%.2f)", h.id(), l.id(), j));
                }
            }
        }
        System.out.printf(
                "near duplicates: %d held-out × %d learnt texts, highest character 5-gram Jaccard %.2f%n",
                heldOut.size(), learnt.size(), highest);
        assertTrue(found.isEmpty(), "near duplicates between the parts: " + found);
        assertTrue(exactDuplicates(heldOut).isEmpty(), "held-out texts twice: " + exactDuplicates(heldOut));
    }

    @Test
    void theNearDuplicateCheckFindsACopyWithAFewWordsChanged() {
        String a = "来电人反映，其公司申请的食品经营许可证延续，提交后已超过承诺时限十天，窗口只说在走流程，要求尽快办理。";
        String b = "来电人反映，其企业申请的食品经营许可证延续，提交后已超过承诺时限十五天，窗口只说在走流程，要求尽快办结。";
        assertTrue(jaccard(grams(a), grams(b)) > NEAR_DUPLICATE);
        assertTrue(jaccard(grams(a), grams("网友留言：园区的污水处理费比城区高了将近一倍，这个计费标准是谁定的？")) < 0.1);
    }

    record Text(String id, Set<String> grams) {}

    private static List<Text> texts(List<String> files) throws IOException {
        List<Text> texts = new ArrayList<>();
        for (String file : files) {
            for (JsonNode e : jsonLines(file)) {
                texts.add(new Text(
                        file + ":" + e.path("id").asText(), grams(e.path("text").asText())));
            }
        }
        return texts;
    }

    private static List<String> exactDuplicates(List<Text> texts) {
        Map<Set<String>, String> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Text t : texts) {
            String before = seen.putIfAbsent(t.grams(), t.id());
            if (before != null) {
                twice.add(before + " = " + t.id());
            }
        }
        return twice;
    }

    /** Character 5-grams of the text without punctuation and spaces. */
    static Set<String> grams(String text) {
        int[] cps =
                CategoryClassifier.normalize(text).replace(" ", "").codePoints().toArray();
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 5 <= cps.length; i++) {
            grams.add(new String(cps, i, 5));
        }
        return grams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String g : a) {
            common += b.contains(g) ? 1 : 0;
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
