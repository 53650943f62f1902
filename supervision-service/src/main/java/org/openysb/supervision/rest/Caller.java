package org.openysb.supervision.rest;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the trail records it: the token's preferred_username. */
final class Caller {
    private Caller() {}

    static String name(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("preferred_username");
            if (name instanceof jakarta.json.JsonString json) {
                return json.getString();
            }
            if (name != null) {
                return name.toString();
            }
        }
        return identity.getPrincipal().getName();
    }
}
