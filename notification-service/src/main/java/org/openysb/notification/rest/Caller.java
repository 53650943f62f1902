package org.openysb.notification.rest;

import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls: the user name and the unit codes of the {@code units} claim. */
public record Caller(String username, List<String> units) {
    public static Caller of(SecurityIdentity identity) {
        List<String> units = List.of();
        String username = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getClaim("units") instanceof JsonArray a) {
                units = a.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
            }
            Object preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                username = preferred instanceof JsonString s ? s.getString() : preferred.toString();
            }
        }
        return new Caller(username, units);
    }
}
