package org.openysb.supervision.trail.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.openysb.contracts.trail.Merkle;

/**
 * Roots, inclusion and consistency proofs of RFC 9162 §2.1 put together from the stored hashes of complete subtrees
 * ({@link NodeId}: level l, index i covers leaves [i·2^l, (i+1)·2^l)). Every range the RFC's recursion visits starts
 * on a multiple of its largest power-of-two part, so each is a few stored nodes: O(log n) per root, O(log² n) at
 * worst per proof, fetched in one round trip ({@link #nodesFor}).
 */
public final class MerkleLog {
    private MerkleLog() {}

    /** A complete subtree: {@code level} 0 is a leaf. */
    public record NodeId(int level, long index) {}

    /** A stored subtree hash. */
    public record Node(int level, long index, byte[] hash) {}

    /** Reads stored subtree hashes. */
    @FunctionalInterface
    public interface Nodes {
        byte[] get(NodeId id);
    }

    /** The nodes a computation reads, found by running it against placeholders. */
    public static Set<NodeId> nodesFor(Function<Nodes, ?> computation) {
        Set<NodeId> needed = new LinkedHashSet<>();
        byte[] placeholder = new byte[32];
        computation.apply(id -> {
            needed.add(id);
            return placeholder;
        });
        return needed;
    }

    /** MTH(D[0:size]). */
    public static byte[] root(long size, Nodes nodes) {
        return size == 0 ? Merkle.emptyRoot() : subtree(0, size, nodes);
    }

    /** MTH(D[lo:hi]) for a range the RFC's recursion visits. */
    static byte[] subtree(long lo, long hi, Nodes nodes) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.get(new NodeId(level, lo >> level));
        }
        long k = Merkle.split(n);
        return Merkle.nodeHash(subtree(lo, lo + k, nodes), subtree(lo + k, hi, nodes));
    }

    /** PATH(index, D[0:size]): the inclusion proof of leaf {@code index} in the tree of {@code size}. */
    public static List<byte[]> inclusion(long index, long size, Nodes nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, nodes, path);
        return path;
    }

    private static void path(long m, long lo, long hi, Nodes nodes, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = Merkle.split(n);
        if (m < k) {
            path(m, lo, lo + k, nodes, out);
            out.add(subtree(lo + k, hi, nodes));
        } else {
            path(m - k, lo + k, hi, nodes, out);
            out.add(subtree(lo, lo + k, nodes));
        }
    }

    /** PROOF(first, D[0:second]): the consistency proof between two sizes of the log. */
    public static List<byte[]> consistency(long first, long second, Nodes nodes) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("sizes " + first + " and " + second + " are not in order");
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, nodes, proof);
        }
        return proof;
    }

    private static void subproof(long m, long lo, long hi, boolean complete, Nodes nodes, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(subtree(lo, hi, nodes));
            }
            return;
        }
        long k = Merkle.split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, nodes, out);
            out.add(subtree(lo + k, hi, nodes));
        } else {
            subproof(m - k, lo + k, hi, false, nodes, out);
            out.add(subtree(lo, lo + k, nodes));
        }
    }

    /** The stored nodes appending leaves at {@code size} reads: the roots of the complete subtrees of the log. */
    public static List<NodeId> frontier(long size) {
        List<NodeId> ids = new ArrayList<>();
        for (int level = 0; level < 63; level++) {
            if ((size >> level & 1) == 1) {
                ids.add(new NodeId(level, (size >> level) - 1));
            }
        }
        return ids;
    }

    /**
     * The nodes to store when {@code leafHashes} are appended to a log of {@code size}: each leaf and every subtree it
     * completes. {@code stored} must answer the {@link #frontier} of {@code size}.
     */
    public static List<Node> append(long size, List<byte[]> leafHashes, Nodes stored) {
        Map<NodeId, byte[]> fresh = new HashMap<>();
        List<Node> out = new ArrayList<>();
        long index = size;
        for (byte[] leaf : leafHashes) {
            NodeId id = new NodeId(0, index);
            fresh.put(id, leaf);
            out.add(new Node(0, index, leaf));
            long i = index;
            int level = 0;
            while ((i & 1) == 1) {
                NodeId left = new NodeId(level, i - 1);
                byte[] l = fresh.containsKey(left) ? fresh.get(left) : stored.get(left);
                byte[] parent = Merkle.nodeHash(l, fresh.get(new NodeId(level, i)));
                i >>= 1;
                level++;
                NodeId pid = new NodeId(level, i);
                fresh.put(pid, parent);
                out.add(new Node(level, i, parent));
            }
            index++;
        }
        return out;
    }
}
