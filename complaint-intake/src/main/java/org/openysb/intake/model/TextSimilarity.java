package org.openysb.intake.model;

import java.util.HashSet;
import java.util.Set;

/**
 * Similarity of two Chinese texts as the Jaccard index of their character bigrams (letters and digits only, so
 * punctuation and spacing do not count). Word segmentation is not needed: bigrams of Chinese characters already
 * carry most words, and rephrasings of one complaint share most of them.
 */
public final class TextSimilarity {
    private TextSimilarity() {}

    public static Set<String> bigrams(String text) {
        StringBuilder clean = new StringBuilder(text == null ? 0 : text.length());
        if (text != null) {
            text.codePoints()
                    .filter(Character::isLetterOrDigit)
                    .map(Character::toLowerCase)
                    .forEach(clean::appendCodePoint);
        }
        Set<String> grams = new HashSet<>();
        int[] cps = clean.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long common = smaller.stream().filter(larger::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    public static double jaccard(String a, String b) {
        return jaccard(bigrams(a), bigrams(b));
    }
}
