package org.openysb.supervision.trail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openysb.contracts.trail.Merkle;
import org.openysb.supervision.trail.model.MerkleLog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.testsupport.ReferenceMerkle.mth;
import static org.openysb.testsupport.ReferenceMerkle.path;
import static org.openysb.testsupport.ReferenceMerkle.proof;

/**
 * The log's tree against RFC 9162 §2.1 written out naively (MTH, PATH, PROOF over the leaves themselves): every root,
 * every inclusion proof and every consistency proof for all sizes 1..N, built from stored subtree hashes appended in
 * uneven batches; and the known roots of the Certificate Transparency test vectors.
 */
class MerkleLogTest {
    private static final int N = 70;
    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static final Map<MerkleLog.NodeId, byte[]> STORED = new HashMap<>();

    @BeforeAll
    static void buildInUnevenBatches() {
        Random random = new Random(9162);
        for (int i = 0; i < N; i++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            LEAVES.add(leaf);
        }
        int size = 0;
        while (size < N) {
            int batch = Math.min(N - size, 1 + random.nextInt(9));
            List<byte[]> hashes = LEAVES.subList(size, size + batch).stream()
                    .map(Merkle::leafHash)
                    .toList();
            for (MerkleLog.NodeId id : MerkleLog.frontier(size)) {
                assertTrue(STORED.containsKey(id), "frontier node stored: " + id);
            }
            for (MerkleLog.Node n : MerkleLog.append(size, hashes, STORED::get)) {
                assertFalse(STORED.containsKey(new MerkleLog.NodeId(n.level(), n.index())), "written once");
                STORED.put(new MerkleLog.NodeId(n.level(), n.index()), n.hash());
            }
            size += batch;
        }
    }

    static void assertSameHashes(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + " [" + i + "]");
        }
    }

    @Test
    void rootsOfEverySizeAreTheNaiveMth() {
        assertArrayEquals(mth(List.of()), MerkleLog.root(0, STORED::get));
        for (int n = 1; n <= N; n++) {
            assertArrayEquals(mth(LEAVES.subList(0, n)), MerkleLog.root(n, STORED::get), "size " + n);
        }
    }

    @Test
    void everyInclusionProofIsTheNaivePathAndVerifies() {
        for (int n = 1; n <= N; n++) {
            byte[] root = mth(LEAVES.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleLog.inclusion(m, n, STORED::get);
                assertSameHashes(path(m, LEAVES.subList(0, n)), proof, "PATH(" + m + ", " + n + ")");
                byte[] leaf = Merkle.leafHash(LEAVES.get(m));
                assertTrue(Merkle.verifyInclusion(m, n, leaf, proof, root), "inclusion " + m + " in " + n);
                // a changed leaf, a wrong index or a wrong size does not verify
                assertFalse(Merkle.verifyInclusion(m, n, Merkle.leafHash(new byte[] {42}), proof, root));
                if (n > 1) {
                    assertFalse(Merkle.verifyInclusion((m + 1) % n, n, leaf, proof, root), "index " + m + "/" + n);
                }
            }
        }
    }

    @Test
    void everyConsistencyProofIsTheNaiveProofAndVerifies() {
        for (int n = 1; n <= N; n++) {
            byte[] second = mth(LEAVES.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = mth(LEAVES.subList(0, m));
                List<byte[]> proof = MerkleLog.consistency(m, n, STORED::get);
                List<byte[]> expected = m == n ? List.of() : proof(m, LEAVES.subList(0, n));
                assertSameHashes(expected, proof, "PROOF(" + m + ", " + n + ")");
                assertTrue(Merkle.verifyConsistency(m, n, first, second, proof), "consistency " + m + " -> " + n);
                if (m < n) {
                    // a rewritten history (another first root) does not verify
                    byte[] forged = Arrays.copyOf(first, 32);
                    forged[0] ^= 1;
                    assertFalse(Merkle.verifyConsistency(m, n, forged, second, proof), m + " -> " + n);
                    assertFalse(Merkle.verifyConsistency(m, n, first, forged, proof), m + " -> " + n);
                }
            }
        }
    }

    @Test
    void certificateTransparencyTestVectors() {
        // the leaves and roots of the RFC 6962 / RFC 9162 reference test data (certificate-transparency, trillian)
        String[] leaves = {
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
        };
        String[] roots = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        };
        Map<MerkleLog.NodeId, byte[]> stored = new HashMap<>();
        for (int i = 0; i < leaves.length; i++) {
            for (MerkleLog.Node n :
                    MerkleLog.append(i, List.of(Merkle.leafHash(HEX.parseHex(leaves[i]))), stored::get)) {
                stored.put(new MerkleLog.NodeId(n.level(), n.index()), n.hash());
            }
            assertEquals(roots[i], HEX.formatHex(MerkleLog.root(i + 1, stored::get)), "root of size " + (i + 1));
        }
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(MerkleLog.root(0, stored::get)));
        assertEquals(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HEX.formatHex(Merkle.leafHash("".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void proofsReadFewStoredNodes() {
        // a root reads at most one node per set bit of the size; a proof O(log² n) at worst
        long size = 10_000_000L;
        assertTrue(MerkleLog.nodesFor(n -> MerkleLog.root(size, n)).size() <= Long.bitCount(size));
        assertTrue(
                MerkleLog.nodesFor(n -> MerkleLog.inclusion(1234567, size, n)).size() <= 24 * 24);
    }
}
