package org.openysb.supervision.rest;

import jakarta.annotation.security.PermitAll;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.Problem;
import org.openysb.supervision.service.FollowUpService;
import org.openysb.supervision.service.FollowUpView;

/** The complainant's follow-up page (回访评价), reached through the link sent with the reply. */
@Path("/api/follow-ups/{caseNumber}")
@Tag(name = "follow-up", description = "回访评价 (the complainant rates the reply)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class FollowUpResource {
    private final FollowUpService followUps;

    public FollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GET
    @Operation(summary = "The reply to rate, and the rating once given (token from the follow-up link)")
    @APIResponse(
            responseCode = "404",
            description = "unknown case or wrong token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FollowUpView view(@PathParam("caseNumber") String caseNumber, @QueryParam("token") String token) {
        return followUps.view(caseNumber, token);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the reply: satisfied / basically satisfied / dissatisfied, solved or not")
    @APIResponse(
            responseCode = "409",
            description = "follow-up-already-recorded (or illegal-transition: no reply to rate now)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "410",
            description = "follow-up-expired: the follow-up deadline has passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FollowUpView rate(
            @PathParam("caseNumber") String caseNumber,
            @QueryParam("token") String token,
            @NotNull @Valid FollowUpRequest request) {
        return followUps.rate(caseNumber, token, request.rating(), request.solved(), request.comment());
    }
}
