package org.openysb.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens shaped like the project's Keycloak tokens ({@code realm_access.roles}, {@code units},
 * {@code preferred_username}), signed with a key pair made for this test JVM. {@link PostgresAndKafkaResource} hands
 * the public key to the service under test, so no key is ever committed.
 */
public final class TestTokens {
    public static final String ISSUER = "https://openysb.test/realms/openysb";
    private static final KeyPair KEYS;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestTokens() {}

    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A token for {@code username} with the given realm roles and unit codes. */
    public static String token(String username, Set<String> roles, List<String> units) {
        return Jwt.issuer(ISSUER)
                .subject("sub-" + username)
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .claim("units", units)
                .expiresIn(3600)
                .sign(KEYS.getPrivate());
    }

    public static String token(String username, String role) {
        return token(username, Set.of(role), List.of());
    }

    /** A handler (承办人) of one unit. */
    public static String handler(String username, String unit) {
        return token(username, Set.of("handler"), List.of(unit));
    }

    /** Configuration that makes the service verify these tokens. */
    static Map<String, String> oidcConfig() {
        return Map.of("quarkus.oidc.public-key", publicKey(), "quarkus.oidc.token.issuer", ISSUER);
    }
}
