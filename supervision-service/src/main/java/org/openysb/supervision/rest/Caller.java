package org.openysb.supervision.rest;

import java.util.List;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the name the trail records, the units they belong to, whether they oversee every unit. */
public final class Caller {
    private static final Set<String> OVERSIGHT = Set.of("supervisor", "inspector", "admin", "coordinator");

    private Caller() {}

    /** The token's preferred_username. */
    public static String name(SecurityIdentity identity) {
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

    /** The unit codes of the caller, from the {@code units} claim (Keycloak group membership /units/CODE). */
    public static List<String> units(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.containsClaim("units")) {
            Object claim = jwt.getClaim("units");
            if (claim instanceof jakarta.json.JsonArray array) {
                return array.getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .map(s -> s.startsWith("/") ? s.substring(s.lastIndexOf('/') + 1) : s)
                        .toList();
            }
        }
        return List.of();
    }

    /**
     * Who acts, for which units: a handler for their own units; the coordinator (协调) for the one unit named in
     * {@code actingFor} — a unit that has no account yet — recorded on the trail as acting for it.
     */
    public static Acting acting(SecurityIdentity identity, String actingFor) {
        if (identity.hasRole("handler") || !identity.hasRole("coordinator")) {
            return new Acting(name(identity), units(identity), identity.hasRole("handler"));
        }
        if (actingFor == null || !actingFor.matches("^[A-Z0-9]{2,20}$")) {
            throw org.openysb.problem.DomainException.invalidField(
                    "actingFor", actingFor, "请选择代为办理的承办单位", "name the unit the coordinator acts for");
        }
        return new Acting(name(identity) + "（代" + actingFor + "）", List.of(actingFor), true);
    }

    /** The name the trail records, the units acted for, whether the caller may take a unit's actions. */
    public record Acting(String name, List<String> units, boolean handles) {}

    /** Supervisors, inspectors, administrators and the coordinator see every unit's cases. */
    public static boolean oversees(SecurityIdentity identity) {
        return OVERSIGHT.stream().anyMatch(identity::hasRole);
    }
}
