package org.openysb.intake.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

import org.openysb.intake.config.IntakeConfig;

/**
 * AES-GCM encryption of single personal-data fields (mobile, email, ID number, credit code) and keyed hashes for
 * looking them up without decrypting (HMAC-SHA256 under a key derived from the same secret).
 *
 * <p>Stored form: {@code enc:v1:} + base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag). A value without the prefix is
 * a clear value written before encryption was introduced; it is read as it is and encrypted on its next write.
 */
@ApplicationScoped
@Startup
public class FieldCipher {
    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** SHA-256 of the local-development key in application.properties: refused in production. */
    private static final String DEV_KEY_SHA256 = "2e50fe02207a8e94b6513e9e3c484c5cc4833a8a0e38c42179e33c0e8e542541";

    private final SecretKeySpec key;
    private final SecretKeySpec lookupKey;
    // one cipher, MAC and random source per thread: looking up a provider's implementation and a shared, locked
    // SecureRandom cost more than the encryption of a field itself
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(SecureRandom::new);

    @Inject
    public FieldCipher(IntakeConfig config) {
        this(config.crypto().key(), LaunchMode.current() == LaunchMode.NORMAL);
    }

    public FieldCipher(String base64Key, boolean production) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("intake.crypto.key is not valid base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("intake.crypto.key must be 16, 24 or 32 bytes, got " + raw.length);
        }
        if (production && DEV_KEY_SHA256.equals(sha256Hex(raw))) {
            throw new IllegalStateException(
                    "intake.crypto.key is the local-development default; set INTAKE_CRYPTO_KEY to a real key");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.lookupKey = new SecretKeySpec(
                sha256(("openysb-intake-lookup:" + base64Key.strip()).getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(lookupKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String encrypt(String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            randoms.get().nextBytes(nonce); // a fresh random nonce for every value: never one key and nonce twice
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored personal-data field cannot be decrypted with the configured key");
        }
    }

    /** A keyed hash of a value, for equality look-ups (same mobile number) without storing it in clear. */
    public String lookupHash(String clear) {
        if (clear == null) {
            return null;
        }
        return HexFormat.of().formatHex(macs.get().doFinal(clear.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }
}
