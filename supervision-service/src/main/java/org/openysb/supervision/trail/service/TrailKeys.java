package org.openysb.supervision.trail.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openysb.contracts.trail.SignedCheckpoint;

/**
 * The trail log's Ed25519 key pair, from configuration (the environment in production: {@code TRAIL_SIGNING_KEY},
 * {@code TRAIL_PUBLIC_KEY}); never stored in the database. Without a signing key no checkpoint is signed.
 */
@ApplicationScoped
public class TrailKeys {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String publicKeyBase64;

    public TrailKeys(
            @ConfigProperty(name = "supervision.trail.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "supervision.trail.public-key") Optional<String> publicKey) {
        this.privateKey = signingKey
                .filter(s -> !s.isBlank())
                .map(SignedCheckpoint::privateKey)
                .orElse(null);
        this.publicKey = publicKey
                .filter(s -> !s.isBlank())
                .map(SignedCheckpoint::publicKey)
                .orElse(null);
        this.publicKeyBase64 = publicKey.map(String::trim).orElse(null);
        if (privateKey != null && (this.publicKey == null || !matches(privateKey, this.publicKey))) {
            throw new IllegalStateException(
                    "supervision.trail.public-key must be the public key of supervision.trail.signing-key");
        }
    }

    private static boolean matches(PrivateKey priv, PublicKey pub) {
        try {
            byte[] probe = "openysb-trail-key-check".getBytes(StandardCharsets.UTF_8);
            Signature s = Signature.getInstance(SignedCheckpoint.ALGORITHM);
            s.initSign(priv);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(probe);
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    public Optional<PublicKey> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    /** The public key as configured (base64 X.509), to publish. */
    public Optional<String> publicKeyBase64() {
        return Optional.ofNullable(publicKeyBase64);
    }

    public Optional<String> keyId() {
        return publicKey().map(SignedCheckpoint::keyId);
    }
}
