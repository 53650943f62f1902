package org.openysb.routing.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides the category of a Chinese complaint text and says why. Two kinds of evidence are combined: phrases that
 * experts listed per category (keywords.csv, weighted), and a multinomial naive-Bayes model over character bigrams
 * and trigrams learned from labelled cases. Scores become probabilities with a softmax, so {@code confidence} is
 * comparable across cases and can gate the manual-dispatch queue.
 */
public final class CategoryClassifier {
    /** A labelled case. */
    public record Example(String text, String category) {}

    /** An expert phrase for a category, weight 0–1. */
    public record Keyword(String category, String phrase, double weight) {}

    /** One ranked category with its probability and the evidence for it. */
    public record Prediction(String category, double confidence, List<String> evidence) {}

    private static final double ALPHA = 0.5;
    private static final double TEMPERATURE = 6.0;
    private static final double KEYWORD_BOOST = 2.5;
    /** Texts with fewer known n-grams than this get damped scores: little evidence, little confidence. */
    private static final int MIN_EVIDENCE = 24;

    private final Set<String> categories;
    private final Map<String, Map<String, Integer>> gramCounts = new HashMap<>();
    private final Map<String, Integer> gramTotals = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, List<Keyword>> keywords = new HashMap<>();
    private final int trainingSize;

    private CategoryClassifier(Set<String> categories, int trainingSize) {
        this.categories = categories;
        this.trainingSize = trainingSize;
    }

    public static CategoryClassifier train(
            Set<String> categories, Collection<Example> examples, Collection<Keyword> keywords) {
        CategoryClassifier model = new CategoryClassifier(Set.copyOf(categories), examples.size());
        for (Example example : examples) {
            if (categories.contains(example.category())) {
                model.learn(example.category(), example.text(), 1);
            }
        }
        for (Keyword keyword : keywords) {
            if (categories.contains(keyword.category())) {
                model.keywords
                        .computeIfAbsent(keyword.category(), c -> new ArrayList<>())
                        .add(keyword);
                model.learn(keyword.category(), keyword.phrase(), 1);
            }
        }
        return model;
    }

    public Set<String> categories() {
        return categories;
    }

    public int trainingSize() {
        return trainingSize;
    }

    /** All categories, most probable first. */
    public List<Prediction> classify(String text) {
        String normalized = normalize(text);
        List<String> grams = grams(normalized);
        List<String> known = grams.stream().filter(vocabulary::contains).toList();
        int vocabularySize = Math.max(1, vocabulary.size());
        Map<String, Double> scores = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        for (String category : categories) {
            Map<String, Integer> counts = gramCounts.getOrDefault(category, Map.of());
            double total = gramTotals.getOrDefault(category, 0) + ALPHA * vocabularySize;
            double logLikelihood = 0;
            for (String gram : known) {
                logLikelihood += Math.log((counts.getOrDefault(gram, 0) + ALPHA) / total);
            }
            double score = known.isEmpty() ? 0 : TEMPERATURE * logLikelihood / Math.max(known.size(), MIN_EVIDENCE);
            List<String> found = new ArrayList<>();
            for (Keyword keyword : keywords.getOrDefault(category, List.of())) {
                if (normalized.contains(keyword.phrase())) {
                    score += KEYWORD_BOOST * keyword.weight();
                    found.add("关键词「" + keyword.phrase() + "」");
                }
            }
            scores.put(category, score);
            evidence.put(category, found);
        }
        double max =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum =
                scores.values().stream().mapToDouble(s -> Math.exp(s - max)).sum();
        List<Prediction> ranked = new ArrayList<>();
        for (String category : categories) {
            List<String> why = new ArrayList<>(evidence.get(category));
            why.addAll(topGrams(category, known, 3));
            ranked.add(new Prediction(category, Math.exp(scores.get(category) - max) / sum, why));
        }
        ranked.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
        return ranked;
    }

    /** Adds one labelled case (online learning from dispatcher decisions). */
    public synchronized void learn(String category, String text, int weight) {
        Map<String, Integer> counts = gramCounts.computeIfAbsent(category, c -> new HashMap<>());
        for (String gram : grams(normalize(text))) {
            counts.merge(gram, weight, Integer::sum);
            gramTotals.merge(category, weight, Integer::sum);
            vocabulary.add(gram);
        }
    }

    private List<String> topGrams(String category, List<String> known, int limit) {
        Map<String, Integer> counts = gramCounts.getOrDefault(category, Map.of());
        return new LinkedHashSet<>(known)
                .stream()
                        .filter(g -> g.length() >= 2 && counts.getOrDefault(g, 0) > 0)
                        .sorted(Comparator.comparingDouble((String g) -> -distinctiveness(category, g)))
                        .limit(limit)
                        .map(g -> "用语「" + g + "」")
                        .toList();
    }

    private double distinctiveness(String category, String gram) {
        double own = gramCounts.getOrDefault(category, Map.of()).getOrDefault(gram, 0);
        double elsewhere = 0;
        for (Map.Entry<String, Map<String, Integer>> entry : gramCounts.entrySet()) {
            if (!entry.getKey().equals(category)) {
                elsewhere += entry.getValue().getOrDefault(gram, 0);
            }
        }
        return Math.log((own + ALPHA) / (elsewhere / Math.max(1, categories.size() - 1) + ALPHA));
    }

    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                out.append(' ');
            }
        });
        return out.toString();
    }

    static List<String> grams(String normalized) {
        List<String> grams = new ArrayList<>();
        for (String run : normalized.split(" +")) {
            int[] cps = run.codePoints().toArray();
            for (int n = 2; n <= 3; n++) {
                for (int i = 0; i + n <= cps.length; i++) {
                    grams.add(new String(cps, i, n));
                }
            }
        }
        return grams;
    }
}
