package org.openysb.supervision.casefile.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.supervision.casefile.service.CaseFile;
import org.openysb.supervision.casefile.service.CaseFileService;
import org.openysb.supervision.casefile.service.NoteView;
import org.openysb.supervision.casefile.service.Viewer;
import org.openysb.supervision.rest.Caller;

@Path("/api/work-items")
@Tag(name = "case file", description = "案件办理页: the case as its units and overseers see it, and internal notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"handler", "supervisor", "inspector", "admin", "coordinator"})
public class CaseFileResource {
    private final CaseFileService caseFiles;
    private final SecurityIdentity identity;

    public CaseFileResource(CaseFileService caseFiles, SecurityIdentity identity) {
        this.caseFiles = caseFiles;
        this.identity = identity;
    }

    @GET
    @Path("/{caseNumber}/file")
    @Operation(
            summary = "The case page: work item, complaint, clocks, timeline and what the caller may do now",
            description = "404 for an unknown case and for a case the caller's units have no part in")
    public CaseFile file(@PathParam("caseNumber") String caseNumber, @QueryParam("actingFor") String actingFor) {
        return caseFiles.caseFile(caseNumber, viewer(actingFor));
    }

    @GET
    @Path("/{caseNumber}/notes")
    @Operation(summary = "Internal notes (内部备注), oldest first; staff only")
    public List<NoteView> notes(@PathParam("caseNumber") String caseNumber, @QueryParam("actingFor") String actingFor) {
        return caseFiles.notesOf(caseNumber, viewer(actingFor));
    }

    @POST
    @Path("/{caseNumber}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an internal note; it goes on the case's trail and never to the complainant")
    public Response addNote(
            @PathParam("caseNumber") String caseNumber,
            @NotNull @Valid NoteRequest request,
            @QueryParam("actingFor") String actingFor) {
        return Response.status(Response.Status.CREATED)
                .entity(caseFiles.addNote(caseNumber, request.text(), viewer(actingFor)))
                .build();
    }

    /** The caller, or the coordinator acting for one unit ({@code actingFor}) as that unit's handler would. */
    private Viewer viewer(String actingFor) {
        if (actingFor != null && identity.hasRole("coordinator") && !identity.hasRole("handler")) {
            Caller.Acting acting = Caller.acting(identity, actingFor);
            return new Viewer(acting.name(), acting.units(), true, true);
        }
        return new Viewer(
                Caller.name(identity), Caller.units(identity), Caller.oversees(identity), identity.hasRole("handler"));
    }
}
