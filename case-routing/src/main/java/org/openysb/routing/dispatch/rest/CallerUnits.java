package org.openysb.routing.dispatch.rest;

import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's unit codes, from the token's {@code units} claim (Keycloak groups /units/CODE). */
final class CallerUnits {
    private CallerUnits() {}

    static List<String> of(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getClaim("units") instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .map(s -> s.substring(s.lastIndexOf('/') + 1))
                    .toList();
        }
        return List.of();
    }
}
