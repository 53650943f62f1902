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

    /**
     * The same bigrams as {@link #bigrams}, each coded as one number (first code point × 2²¹ + second; a text of one
     * letter: that code point × 2²¹ + 2²¹ − 1, which no pair gives), sorted and without repeats: the same Jaccard index,
     * computed without building strings.
     */
    public static long[] bigramCodes(String text) {
        if (text == null) {
            return new long[0];
        }
        int[] cps = text.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .toArray();
        if (cps.length == 1) {
            return new long[] {((long) cps[0] << 21) | 0x1FFFFF};
        }
        long[] codes = new long[Math.max(0, cps.length - 1)];
        for (int i = 0; i + 1 < cps.length; i++) {
            codes[i] = ((long) cps[i] << 21) | cps[i + 1];
        }
        java.util.Arrays.sort(codes);
        int n = 0;
        for (int i = 0; i < codes.length; i++) {
            if (i == 0 || codes[i] != codes[n - 1]) {
                codes[n++] = codes[i];
            }
        }
        return java.util.Arrays.copyOf(codes, n);
    }

    /** Jaccard index of two {@link #bigramCodes} arrays. */
    public static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        long common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /**
     * {@link #bigramCodes} in 32 bits, sorted and without repeats, as kept for comparing (half the memory of the
     * codes): a bigram of two characters of the Basic Multilingual Plane — every common Chinese character — is coded
     * exactly (first × 2¹⁶ + second); any other (a rare character, a text of one letter) by a hash of its code, which
     * could in principle equal another bigram's code and raise the index a little.
     */
    public static int[] compact(long[] codes) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            long code = codes[i];
            int first = (int) (code >>> 21);
            int second = (int) (code & 0x1FFFFF);
            if (first <= 0xFFFF && second <= 0xFFFF) {
                out[i] = (first << 16) | second;
            } else {
                long h = code * 0x9E3779B97F4A7C15L;
                out[i] = (int) (h ^ (h >>> 29));
            }
        }
        java.util.Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[n - 1]) {
                out[n++] = out[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The compact bigrams of a text ({@link #compact} of its {@link #bigramCodes}). */
    public static int[] compactBigrams(String text) {
        return compact(bigramCodes(text));
    }

    /**
     * The Jaccard index of two {@link #compact} arrays when it is at least {@code min}, otherwise a number below
     * {@code min} (-1) as soon as the common bigrams can no longer reach it: most candidates of a new complaint are far
     * below the threshold, and are ruled out by their sizes alone or after part of the merge.
     */
    public static double jaccardAtLeast(int[] a, int[] b, double min) {
        int na = a.length;
        int nb = b.length;
        if (na == 0 && nb == 0) {
            return min <= 0 ? 0 : -1;
        }
        // c / (na + nb - c) >= min  <=>  c >= min * (na + nb) / (1 + min); a hair lower, so that rounding never rules
        // out a pair that reaches min (the exact index decides below)
        double need = min * (na + nb) / (1 + min) - 1e-9;
        int i = 0;
        int j = 0;
        long common = 0;
        while (i < na && j < nb) {
            if (common + Math.min(na - i, nb - j) < need) {
                return -1;
            }
            int x = a[i];
            int y = b[j];
            if (x == y) {
                common++;
            }
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        double jaccard = (double) common / (na + nb - common);
        return jaccard >= min ? jaccard : -1;
    }

    public static double jaccard(String a, String b) {
        return jaccard(bigrams(a), bigrams(b));
    }
}
