package org.openysb.intake.service;

/**
 * A set of case ids (identities, so never 0) in one array: open addressing with linear probing, at most half full.
 * Used where boxed sets cost too much — the ids a complaint's lookups bring up, the ids of an index period.
 */
final class IdSet {
    private long[] slots;
    private int size;

    IdSet(int capacity) {
        slots = new long[Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1]; // at least twice the capacity
    }

    /** Adds {@code id}; false when it was there already. */
    boolean add(long id) {
        if ((size + 1) * 2 > slots.length) {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long v : old) {
                if (v != 0) {
                    slots[free(v)] = v;
                }
            }
        }
        int i = free(id);
        if (slots[i] == id) {
            return false;
        }
        slots[i] = id;
        size++;
        return true;
    }

    boolean contains(long id) {
        return slots[free(id)] == id;
    }

    /** Bytes of its array. */
    long bytes() {
        return 8L * slots.length;
    }

    /** The slot holding {@code id}, or the empty one where it goes. */
    private int free(long id) {
        int mask = slots.length - 1;
        long h = id * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (slots[i] != 0 && slots[i] != id) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
