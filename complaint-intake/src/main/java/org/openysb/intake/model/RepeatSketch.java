package org.openysb.intake.model;

import java.util.Set;

/**
 * Locality-sensitive keys for finding near-duplicate complaints (并单) without comparing a new complaint with every
 * earlier case of its district: a MinHash of the text's character bigrams, cut into {@link #BANDS} bands of
 * {@link #ROWS} values, each band hashed together with the district into one key. Two texts share
 * at least one key with probability {@code 1 - (1 - J^ROWS)^BANDS} for bigram Jaccard similarity J: 98.8 % at 0.6
 * (the near-duplicate threshold), 87 % at 0.5, 23 % at 0.3, 0.3 % at 0.1 — so the index finds near duplicates and
 * only a few others, which the exact comparison then rules out.
 *
 * <p>Keys are stored with each case (column {@code repeat_keys}) and looked up in memory ({@code RepeatIndex}): a
 * new complaint looks up its own {@link #BANDS} keys within its window. Changing {@link #ROWS}, {@link #BANDS} or the
 * hash functions changes every key: a migration must then set {@code repeat_keys} to null, and the index computes the
 * keys of those cases from their text when it is built.
 */
public final class RepeatSketch {
    public static final int ROWS = 4;
    public static final int BANDS = 32;
    private static final int HASHES = ROWS * BANDS;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            SEEDS[i] = seed;
        }
    }

    private RepeatSketch() {}

    /** The MinHash signature of a set of bigrams ({@link TextSimilarity#bigrams}); all Long.MAX_VALUE for none. */
    public static long[] signature(Set<String> grams) {
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (String gram : grams) {
            long h = hash(gram);
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return min;
    }

    /**
     * The same signature as {@link #signature(Set)}, from the bigrams coded as numbers ({@link
     * TextSimilarity#bigramCodes}): each code hashed over the UTF-16 characters of its one or two code points, as the
     * bigram's string would be, without building the strings.
     */
    public static long[] signature(long[] codes) {
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long code : codes) {
            int first = (int) (code >>> 21);
            int second = (int) (code & 0x1FFFFF);
            long h = fnv(0xCBF29CE484222325L, first);
            if (second != 0x1FFFFF) { // 0x1FFFFF: a text of one letter, a bigram of one code point
                h = fnv(h, second);
            }
            h = mix(h);
            for (int i = 0; i < HASHES; i++) {
                long v = mix(h ^ SEEDS[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return min;
    }

    /** FNV-1a over the UTF-16 characters of one code point. */
    private static long fnv(long h, int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return (h ^ codePoint) * 0x100000001B3L;
        }
        h = (h ^ Character.highSurrogate(codePoint)) * 0x100000001B3L;
        return (h ^ Character.lowSurrogate(codePoint)) * 0x100000001B3L;
    }

    /** The keys of a case and the keys a new complaint looks up: one per band, for its district. */
    public static long[] keys(String district, long[] signature) {
        long[] keys = new long[BANDS];
        long place = hash(district);
        for (int b = 0; b < BANDS; b++) {
            long k = mix(place ^ (b + 1));
            for (int r = 0; r < ROWS; r++) {
                k = mix(k ^ signature[b * ROWS + r]);
            }
            keys[b] = k;
        }
        return keys;
    }

    /** The key under which a complainant's cases are indexed: of their keyed mobile hash, apart from every band key. */
    public static long complainantKey(String mobileHash) {
        return mix(hash(mobileHash) ^ 0xC0FFEE5EEDL);
    }

    /** Keys as stored with a case (column {@code repeat_keys}): 8 bytes each, big-endian. */
    public static byte[] toBytes(long[] keys) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(keys.length * Long.BYTES);
        b.asLongBuffer().put(keys);
        return b.array();
    }

    /** Keys as {@link #toBytes} stored them. */
    public static long[] fromBytes(byte[] stored) {
        long[] keys = new long[stored.length / Long.BYTES];
        java.nio.ByteBuffer.wrap(stored).asLongBuffer().get(keys);
        return keys;
    }

    private static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: a fast, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
