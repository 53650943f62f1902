package org.openysb.contracts.trail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A checkpoint of the trail log (tree size, root hash, time) and the exact bytes its Ed25519 signature covers:
 *
 * <pre>
 * openysb-trail-log/v1
 * &lt;tree size, decimal&gt;
 * &lt;root hash, lowercase hex&gt;
 * &lt;issued at, ISO-8601 UTC instant&gt;
 * </pre>
 *
 * (four lines, each ending in a line feed). Keys travel as base64 of their standard encodings: the private key as
 * PKCS#8, the public key as X.509 SubjectPublicKeyInfo; a key's id is the first 16 hex digits of the SHA-256 of the
 * public key's encoding.
 */
public record SignedCheckpoint(long treeSize, String rootHash, Instant issuedAt, String keyId, String signature) {
    public static final String ORIGIN = "openysb-trail-log/v1";
    public static final String ALGORITHM = "Ed25519";

    /** The bytes that are signed. */
    public static byte[] signedBytes(long treeSize, String rootHash, Instant issuedAt) {
        return (ORIGIN + "\n" + treeSize + "\n" + rootHash + "\n" + issuedAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Signs a checkpoint with the log's private key. */
    public static SignedCheckpoint sign(long treeSize, byte[] root, Instant issuedAt, PrivateKey key, String keyId) {
        String rootHex = HexFormat.of().formatHex(root);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(signedBytes(treeSize, rootHex, issuedAt));
            return new SignedCheckpoint(
                    treeSize, rootHex, issuedAt, keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the checkpoint", e);
        }
    }

    /** Whether the signature is the log's over this checkpoint (false for any malformed input). */
    public boolean verify(PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(signedBytes(treeSize, rootHash, issuedAt));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The root hash as bytes. */
    public byte[] root() {
        return HexFormat.of().parseHex(rootHash);
    }

    /** A public key from base64 X.509 SubjectPublicKeyInfo. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** A private key from base64 PKCS#8. */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** The id of a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
