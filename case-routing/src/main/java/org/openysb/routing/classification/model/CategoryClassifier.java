package org.openysb.routing.classification.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Decides the category of a Chinese complaint text and says why. Two kinds of evidence are combined: phrases that
 * experts listed per category (keywords.csv, weighted), and a multinomial naive-Bayes model learned from labelled
 * cases over character bigrams and trigrams and, when enabled, the words of Lucene's smartcn segmenter (a hidden
 * Markov model over a word dictionary; features {@code w:词语}). A category's score is the average log-likelihood of the
 * text's known features plus the weight of the expert phrases found; scores become probabilities with a softmax at a
 * temperature fitted by cross-validation on the training cases (calibration: a confidence of 0.8 is right about 80 %
 * of the time there), so {@code confidence} is comparable across cases and can gate the manual-dispatch queue.
 *
 * <p>Settings chosen by 5-fold cross-validation on the training cases only (ClassifierEvaluationTest re-derives them):
 * {@link #ALPHA}, {@link #KEYWORD_WEIGHT} (highest cross-validated top-1 accuracy), {@link #TEMPERATURE} and {@link
 * #MIN_EVIDENCE} (lowest cross-validated log loss).
 */
public final class CategoryClassifier {
    /** A labelled case. */
    public record Example(String text, String category) {}

    /** An expert phrase for a category, weight 0–1. */
    public record Keyword(String category, String phrase, double weight) {}

    /** One ranked category with its probability and the evidence for it. */
    public record Prediction(String category, double confidence, List<String> evidence) {}

    /** Laplace smoothing of the n-gram counts. */
    static final double ALPHA = 0.5;
    /** An expert phrase's weight (0–1) counts this much in the score, next to the average log-likelihood. */
    static final double KEYWORD_WEIGHT = 1.0 / 6;
    /** The softmax temperature of the scores (calibration). */
    public static final double TEMPERATURE = 0.06;
    /** Texts with fewer known n-grams than this get damped scores: little evidence, little confidence. */
    public static final int MIN_EVIDENCE = 80;
    /** How many of the leading categories get their distinctive wording as evidence. */
    private static final int EXPLAINED = 5;

    private final Set<String> categories;
    private final Map<String, Map<String, Integer>> gramCounts = new HashMap<>();
    private final Map<String, Integer> gramTotals = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, List<Keyword>> keywords = new HashMap<>();
    private final int trainingSize;
    private final boolean words;
    private final double temperature;
    private final int minEvidence;

    /** smartcn segmentation; thread-safe (per-thread token streams). */
    private static final Analyzer SMARTCN = new SmartChineseAnalyzer();

    private CategoryClassifier(
            Set<String> categories, int trainingSize, boolean words, double temperature, int minEvidence) {
        this.categories = categories;
        this.trainingSize = trainingSize;
        this.words = words;
        this.temperature = temperature;
        this.minEvidence = minEvidence;
    }

    /** A model over character n-grams and smartcn words. */
    public static CategoryClassifier train(
            Set<String> categories, Collection<Example> examples, Collection<Keyword> keywords) {
        return train(categories, examples, keywords, true);
    }

    /** A model over character n-grams, plus smartcn words when {@code words}. */
    public static CategoryClassifier train(
            Set<String> categories, Collection<Example> examples, Collection<Keyword> keywords, boolean words) {
        CategoryClassifier model =
                new CategoryClassifier(Set.copyOf(categories), examples.size(), words, TEMPERATURE, MIN_EVIDENCE);
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
        model.table(); // worked out once, before the model is shared
        return model;
    }

    /**
     * The same trained model with another calibration (to fit it): softmax temperature and the number of known
     * features below which a text's scores are damped. It shares the counts, so it must not learn any more.
     */
    public CategoryClassifier withCalibration(double temperature, int minEvidence) {
        CategoryClassifier copy = new CategoryClassifier(categories, trainingSize, words, temperature, minEvidence);
        copy.gramCounts.putAll(gramCounts);
        copy.gramTotals.putAll(gramTotals);
        copy.vocabulary.addAll(vocabulary);
        copy.keywords.putAll(keywords);
        copy.table = table();
        return copy;
    }

    public double temperature() {
        return temperature;
    }

    public Set<String> categories() {
        return categories;
    }

    public int trainingSize() {
        return trainingSize;
    }

    /** Whether smartcn words are features next to the character n-grams. */
    public boolean usesWords() {
        return words;
    }

    /** All categories, most probable first. */
    public List<Prediction> classify(String text) {
        String normalized = normalize(text);
        List<String> grams = features(normalized);
        Table table = table();
        String[] cats = table.categories();
        double[] logLikelihood = new double[cats.length];
        List<String> known = new ArrayList<>(grams.size());
        for (String gram : grams) {
            double[] logp = table.logProbabilities().get(gram);
            if (logp != null) {
                known.add(gram);
                for (int c = 0; c < cats.length; c++) {
                    logLikelihood[c] += logp[c];
                }
            }
        }
        Map<String, Double> scores = new HashMap<>();
        Map<String, List<String>> evidence = new HashMap<>();
        for (int c = 0; c < cats.length; c++) {
            String category = cats[c];
            double score = known.isEmpty() ? 0 : logLikelihood[c] / Math.max(known.size(), minEvidence);
            List<String> found = new ArrayList<>();
            for (Keyword keyword : keywords.getOrDefault(category, List.of())) {
                if (normalized.contains(keyword.phrase())) {
                    score += KEYWORD_WEIGHT * keyword.weight();
                    found.add("关键词「" + keyword.phrase() + "」");
                }
            }
            scores.put(category, score / temperature);
            evidence.put(category, found);
        }
        double max =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum =
                scores.values().stream().mapToDouble(s -> Math.exp(s - max)).sum();
        List<Prediction> ranked = new ArrayList<>();
        for (String category : cats) {
            ranked.add(new Prediction(category, Math.exp(scores.get(category) - max) / sum, evidence.get(category)));
        }
        ranked.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
        // the distinctive wording is worked out only for the leading categories (the rest are never shown)
        Set<String> distinct = new java.util.LinkedHashSet<>(known);
        for (int i = 0; i < Math.min(EXPLAINED, ranked.size()); i++) {
            Prediction p = ranked.get(i);
            List<String> why = new ArrayList<>(p.evidence());
            why.addAll(topGrams(p.category(), distinct, 3));
            ranked.set(i, new Prediction(p.category(), p.confidence(), why));
        }
        return ranked;
    }

    /**
     * log P(gram | category) of every known gram for every category (Laplace-smoothed), worked out once after
     * training, so that a classification is one lookup per gram instead of one logarithm per gram and category.
     */
    private record Table(String[] categories, Map<String, double[]> logProbabilities, Map<String, int[]> counts) {}

    private volatile Table table;

    private Table table() {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    String[] cats = categories.toArray(String[]::new);
                    double vocabularySize = Math.max(1, vocabulary.size());
                    double[] totals = new double[cats.length];
                    for (int c = 0; c < cats.length; c++) {
                        totals[c] = gramTotals.getOrDefault(cats[c], 0) + ALPHA * vocabularySize;
                    }
                    Map<String, double[]> logp = new HashMap<>(vocabulary.size() * 2);
                    Map<String, int[]> counts = new HashMap<>(vocabulary.size() * 2);
                    for (String gram : vocabulary) {
                        double[] row = new double[cats.length];
                        int[] countRow = new int[cats.length];
                        for (int c = 0; c < cats.length; c++) {
                            int count =
                                    gramCounts.getOrDefault(cats[c], Map.of()).getOrDefault(gram, 0);
                            countRow[c] = count;
                            row[c] = Math.log((count + ALPHA) / totals[c]);
                        }
                        logp.put(gram, row);
                        counts.put(gram, countRow);
                    }
                    t = new Table(cats, logp, counts);
                    table = t;
                }
            }
        }
        return t;
    }

    /** Adds one labelled case (online learning from dispatcher decisions). */
    public synchronized void learn(String category, String text, int weight) {
        table = null;
        Map<String, Integer> counts = gramCounts.computeIfAbsent(category, c -> new HashMap<>());
        for (String gram : features(normalize(text))) {
            counts.merge(gram, weight, Integer::sum);
            gramTotals.merge(category, weight, Integer::sum);
            vocabulary.add(gram);
        }
    }

    private List<String> topGrams(String category, Collection<String> known, int limit) {
        Table t = table();
        int c = Arrays.asList(t.categories()).indexOf(category);
        double others = Math.max(1, categories.size() - 1);
        // each distinct gram's distinctiveness once; the best few kept in order (first seen wins a tie), no sort of
        // the thousands of n-grams of a long letter
        List<String> best = new ArrayList<>(limit + 1);
        List<Double> scores = new ArrayList<>(limit + 1);
        for (String g : known) {
            int[] row = t.counts().get(g);
            if (g.length() < 2 || row == null || row[c] == 0) {
                continue;
            }
            int all = 0;
            for (int n : row) {
                all += n;
            }
            double d = Math.log((row[c] + ALPHA) / ((all - row[c]) / others + ALPHA));
            int at = scores.size();
            while (at > 0 && scores.get(at - 1) < d) {
                at--;
            }
            if (at < limit) {
                best.add(at, g);
                scores.add(at, d);
                if (best.size() > limit) {
                    best.remove(limit);
                    scores.remove(limit);
                }
            }
        }
        return best.stream()
                .map(g -> g.startsWith(WORD) ? "词语「" + g.substring(WORD.length()) + "」" : "用语「" + g + "」")
                .toList();
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

    private static final String WORD = "w:";

    private List<String> features(String normalized) {
        List<String> features = grams(normalized);
        if (words) {
            // segmentation is the dearest step on a long letter; its opening says what the words can add
            features.addAll(words(normalized.length() > WORDS_MAX ? normalized.substring(0, WORDS_MAX) : normalized));
        }
        return features;
    }

    /**
     * smartcn words are taken from the first this many characters (the character n-grams from all of the text): a
     * 5,000-character letter would otherwise spend several milliseconds in segmentation. The labelled cases are all
     * shorter.
     */
    static final int WORDS_MAX = 1000;

    /** The smartcn words of at least two characters, as features {@code w:词语}. */
    static List<String> words(String normalized) {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = SMARTCN.tokenStream("text", normalized)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() >= MIN_WORD) {
                    out.add(WORD + term);
                }
            }
            tokens.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Words shorter than this add nothing the character n-grams do not already say. */
    private static final int MIN_WORD = 2;

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
