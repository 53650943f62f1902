package org.openysb.supervision.rest;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.WorkItemService;
import org.openysb.supervision.service.WorkItemView;

@Path("/api/work-items")
@Tag(name = "work items", description = "承办单位待办 (the units' queues)")
@Produces(MediaType.APPLICATION_JSON)
public class WorkItemResource {
    private static final Set<String> OVERSIGHT = Set.of("supervisor", "inspector", "admin");

    private final WorkItemService workItems;
    private final SecurityIdentity identity;

    public WorkItemResource(WorkItemService workItems, SecurityIdentity identity) {
        this.workItems = workItems;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"handler", "supervisor", "inspector", "admin"})
    @Operation(summary = "A handler's own units' queue; supervisors and inspectors see every unit (or ?unit=)")
    public List<WorkItemView> list(@QueryParam("unit") String unit) {
        if (oversight()) {
            return workItems.listAll(unit);
        }
        return workItems.queueOf(units());
    }

    @GET
    @Path("/{caseNumber}")
    @RolesAllowed({"handler", "supervisor", "inspector", "admin"})
    @Operation(summary = "One work item; a handler sees only their own units' cases")
    public WorkItemView get(@PathParam("caseNumber") String caseNumber) {
        return workItems
                .find(caseNumber, units(), oversight())
                .orElseThrow(() -> DomainException.notFound("work item", caseNumber));
    }

    private boolean oversight() {
        return OVERSIGHT.stream().anyMatch(identity::hasRole);
    }

    /** The unit codes of the caller, from the {@code units} claim (Keycloak group membership). */
    private List<String> units() {
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
}
