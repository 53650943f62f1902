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
 * <p>The MinHash is binned, as one-permutation hashing (Li, Owen and Zhang 2012) with optimal densification
 * (Shrivastava 2017): each bigram is hashed {@link #THROWS} times, each hash's top 7 bits choose one of the 128 bins
 * and the rest is its value, each bin keeps its least value, and a bin left empty takes the value of the first
 * non-empty bin on a probe sequence fixed for that bin (the same for every text). Each bin's least value is that of
 * a uniformly chosen bigram of the union of two texts' bigrams thrown into it, so two texts' bins are equal with
 * probability about J, as with 128 independent permutations, at 16 hashes per bigram instead of 128 (those were
 * 15 % of the event loops' CPU under load).
 *
 * <p>Keys are stored with each case (column {@code repeat_keys}, {@link #toBytes}: a version byte, then the keys) and
 * looked up in memory ({@code RepeatIndex}): a new complaint looks up its own {@link #BANDS} keys within its window.
 * Changing {@link #ROWS}, {@link #BANDS} or the hashing changes every key: {@link #VERSION} must then change, and the
 * index computes the keys of cases stored with another version (or none) from their text when it is built.
 */
public final class RepeatSketch {
    public static final int ROWS = 4;
    public static final int BANDS = 32;
    /**
     * The version of the keys as stored: 2 since one-permutation hashing (2026-12-07); the keys of version 1 (128
     * hash functions, stored without a version byte) are not comparable with these.
     */
    public static final int VERSION = 2;
    /** The stored keys' length in bytes (column {@code repeat_keys}). */
    public static final int STORED_BYTES = 1 + BANDS * Long.BYTES;

    private static final int HASHES = ROWS * BANDS;
    private static final int BIN_BITS = Integer.numberOfTrailingZeros(HASHES);
    private static final long VALUE_MASK = (1L << (Long.SIZE - BIN_BITS)) - 1;
    private static final long EMPTY = Long.MAX_VALUE;
    /**
     * Bins each bigram is thrown into. With one (plain one-permutation hashing) a complaint of 100 bigrams leaves 58
     * of the 128 bins empty, densification fills them from the same few bins, and in the test corpus 100 of 7,059
     * pairs of different complaints (bigram Jaccard below 0.3) shared a key; 14 with 2 throws, 1–3 with 4 or 8, 0
     * with 16 — as with 128 independent permutations, at an eighth of their hashing.
     */
    private static final int THROWS = 16;

    private static final long[] THROW_SEEDS = seeds(0x2545F4914F6CDD1DL, THROWS);

    /** Each bin's probe sequence for densification starts from its own seed. */
    private static final long[] SEEDS = seeds(0x5DEECE66DL, HASHES);

    static {
        if (Integer.bitCount(HASHES) != 1) {
            throw new ExceptionInInitializerError("ROWS * BANDS must be a power of two");
        }
    }

    /** {@code n} seeds from {@code start}, each the mix of the one before plus the golden ratio. */
    private static long[] seeds(long start, int n) {
        long[] seeds = new long[n];
        long seed = start;
        for (int i = 0; i < n; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            seeds[i] = seed;
        }
        return seeds;
    }

    private RepeatSketch() {}

    /** The MinHash signature of a set of bigrams ({@link TextSimilarity#bigrams}); all Long.MAX_VALUE for none. */
    public static long[] signature(Set<String> grams) {
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, EMPTY);
        for (String gram : grams) {
            put(min, hash(gram));
        }
        return densify(min);
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
            put(min, mix(h));
        }
        return densify(min);
    }

    /**
     * One bigram into {@link #THROWS} bins: each throw's hash chooses its bin by its top bits, and the bin keeps the
     * least of the rest.
     */
    private static void put(long[] min, long h) {
        for (int t = 0; t < THROWS; t++) {
            long g = mix(h + THROW_SEEDS[t]);
            int bin = (int) (g >>> (Long.SIZE - BIN_BITS));
            long value = g & VALUE_MASK;
            if (value < min[bin]) {
                min[bin] = value;
            }
        }
    }

    /**
     * Optimal densification: each empty bin takes the value of the first bin that is not empty (before densifying) on
     * its own fixed probe sequence. Nothing changes for a text without bigrams.
     */
    private static long[] densify(long[] min) {
        int filled = 0;
        for (long v : min) {
            if (v != EMPTY) {
                filled++;
            }
        }
        if (filled == 0 || filled == HASHES) {
            return min;
        }
        long[] out = min.clone();
        for (int i = 0; i < HASHES; i++) {
            if (min[i] != EMPTY) {
                continue;
            }
            long probe = SEEDS[i];
            int j;
            do {
                probe = mix(probe + 0x9E3779B97F4A7C15L);
                j = (int) (probe >>> (Long.SIZE - BIN_BITS));
            } while (min[j] == EMPTY);
            out[i] = min[j];
        }
        return out;
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

    /** Keys as stored with a case (column {@code repeat_keys}): {@link #VERSION}, then 8 bytes a key, big-endian. */
    public static byte[] toBytes(long[] keys) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 + keys.length * Long.BYTES);
        b.put((byte) VERSION);
        b.asLongBuffer().put(keys);
        return b.array();
    }

    /** Keys as {@link #toBytes} stored them; null for keys of another version (or none), to be computed again. */
    public static long[] fromBytes(byte[] stored) {
        if (stored == null || stored.length != STORED_BYTES || stored[0] != VERSION) {
            return null;
        }
        long[] keys = new long[BANDS];
        java.nio.ByteBuffer.wrap(stored, 1, stored.length - 1)
                .slice()
                .asLongBuffer()
                .get(keys);
        return keys;
    }

    /** Keys in bytea's hex input form, as {@link #toBytes} stores them. */
    public static String toHex(long[] keys) {
        StringBuilder b = new StringBuilder(4 + keys.length * 16).append("\\x");
        b.append(String.format("%02x", VERSION));
        for (long key : keys) {
            String h = Long.toHexString(key);
            b.append("0".repeat(16 - h.length())).append(h);
        }
        return b.toString();
    }

    /**
     * A SQL condition true for a row whose keys must be computed from its text: stored without keys or with keys of
     * another version.
     */
    public static String keysOutdated(String column) {
        return column + " is null or octet_length(" + column + ") <> " + STORED_BYTES + " or get_byte(" + column
                + ", 0) <> " + VERSION;
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
