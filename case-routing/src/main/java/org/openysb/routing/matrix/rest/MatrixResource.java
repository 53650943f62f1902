package org.openysb.routing.matrix.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.routing.matrix.service.MatrixAdminService;
import org.openysb.routing.matrix.service.MatrixViews;

/** The responsibility matrix (权责清单): read by dispatchers and coordinators, changed by administrators. */
@Path("/api/routing/matrix")
@Tag(name = "matrix", description = "权责清单：版本、导入、修改 (responsibility matrix administration)")
@Produces(MediaType.APPLICATION_JSON)
public class MatrixResource {
    private final MatrixAdminService admin;
    private final SecurityIdentity identity;

    public MatrixResource(MatrixAdminService admin, SecurityIdentity identity) {
        this.admin = admin;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"dispatcher", "coordinator", "admin", "handler"})
    @Operation(summary = "The matrix in force: its version and rows")
    public MatrixViews.Matrix current() {
        return admin.currentMatrix();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"dispatcher", "coordinator", "admin"})
    @Operation(summary = "Every version, newest first: who, when, why and what changed")
    public List<MatrixViews.Version> versions() {
        return admin.listVersions();
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({"dispatcher", "coordinator", "admin"})
    @Operation(summary = "The rows of one version (old versions stay readable)")
    public MatrixViews.Matrix version(@PathParam("version") int version) {
        return admin.versionOf(version);
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("admin")
    @Operation(
            summary =
                    "Import a whole matrix as CSV (columns of responsibility-matrix.csv) as a new version; all rows or"
                            + " none, every error listed with its line and field")
    public Response importCsv(@NotNull String csv, @QueryParam("note") String note) {
        return respond(admin.importCsv(csv, note, user()));
    }

    @PUT
    @Path("/rows/{category}/{scope}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change or add the row of one category × scope (city or a district); creates a new version")
    public Response editRow(
            @PathParam("category") String category,
            @PathParam("scope") String scope,
            @NotNull MatrixViews.RowEdit edit) {
        return respond(admin.editRow(category, scope, edit, user()));
    }

    @DELETE
    @Path("/rows/{category}/{scope}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove the row of one category × scope; creates a new version")
    public Response removeRow(
            @PathParam("category") String category, @PathParam("scope") String scope, @QueryParam("note") String note) {
        return respond(admin.removeRow(category, scope, note, user()));
    }

    private Response respond(MatrixViews.Imported result) {
        if (!result.created()) {
            return Response.ok(result).build();
        }
        return Response.created(URI.create(
                        "/api/routing/matrix/versions/" + result.version().version()))
                .entity(result)
                .build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
