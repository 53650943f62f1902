package org.openysb.intake.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.rest.Open311Documents.Result;
import org.openysb.problem.OwnErrorFormat;

/**
 * Open311 service discovery where GeoReport v2 clients look for it first, above the versioned endpoints
 * ({@code /open311/discovery.json}); the same document as {@code /open311/v2/discovery.json}.
 */
@Path("/open311")
@Tag(name = "open311", description = "Open311 GeoReport v2")
@PermitAll
@OwnErrorFormat
public class Open311DiscoveryResource {
    private final Open311Discovery discovery;
    private final Open311Documents documents;

    public Open311DiscoveryResource(Open311Discovery discovery, Open311Documents documents) {
        this.discovery = discovery;
        this.documents = documents;
    }

    @GET
    @Path("/discovery.{format}")
    @Operation(summary = "Service discovery (GeoReport v2): the v2 endpoint, its formats, changeset and contact")
    public Response discovery(
            @PathParam("format") @Parameter(schema = @Schema(enumeration = {"json", "xml"})) String format,
            @Context UriInfo uri) {
        return documents.respond(format, () -> Result.single("discovery", discovery.document(uri)));
    }
}
