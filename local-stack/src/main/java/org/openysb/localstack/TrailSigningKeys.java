package org.openysb.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * The Ed25519 key pair that signs supervision-service's trail log checkpoints in the local stack: made at the first
 * start under {@code <data dir>/secrets} (the private key owner-only), like intake's encryption key, and handed to
 * supervision-service ({@code TRAIL_SIGNING_KEY}, {@code TRAIL_PUBLIC_KEY}) and to case-routing's witness
 * ({@code TRAIL_PUBLIC_KEY}) by the environment; never put in a database. Set both variables to bring your own.
 */
final class TrailSigningKeys {
    private TrailSigningKeys() {}

    /** The environment of {@code module}: the key pair for supervision-service, the public key for case-routing. */
    static Map<String, String> environment(Path dataDir, String module) throws IOException {
        if (System.getenv("TRAIL_SIGNING_KEY") != null && System.getenv("TRAIL_PUBLIC_KEY") != null) {
            return Map.of();
        }
        Path secrets = dataDir.resolve("secrets");
        Path privateFile = secrets.resolve("trail-signing.key");
        Path publicFile = secrets.resolve("trail-signing.pub");
        if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
            Files.createDirectories(secrets);
            KeyPair pair;
            try {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no Ed25519 in this JDK", e);
            }
            Files.writeString(
                    privateFile,
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            Files.writeString(
                    publicFile,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        String publicKey = Files.readString(publicFile).trim();
        return switch (module) {
            case "supervision-service" -> Map.of(
                    "TRAIL_SIGNING_KEY", Files.readString(privateFile).trim(), "TRAIL_PUBLIC_KEY", publicKey);
            case "case-routing" -> Map.of("TRAIL_PUBLIC_KEY", publicKey);
            default -> Map.of();
        };
    }
}
