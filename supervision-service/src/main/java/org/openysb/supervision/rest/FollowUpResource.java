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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.CaseActionService;
import org.openysb.supervision.service.FollowUpLinks;
import org.openysb.supervision.service.WorkItemService;
import org.openysb.supervision.service.WorkItemView;

/** The complainant's follow-up page (回访评价), reached through the link sent with the reply. */
@Path("/api/follow-ups/{caseNumber}")
@Tag(name = "follow-up", description = "回访评价 (the complainant rates the reply)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class FollowUpResource {
    private final FollowUpLinks links;
    private final WorkItemService workItems;
    private final CaseActionService actions;

    public FollowUpResource(FollowUpLinks links, WorkItemService workItems, CaseActionService actions) {
        this.links = links;
        this.workItems = workItems;
        this.actions = actions;
    }

    /** What the complainant sees before rating: the unit, the result and the deadline to rate. */
    public record FollowUpView(
            String caseNumber,
            String unitName,
            String replyResult,
            java.time.OffsetDateTime repliedAt,
            java.time.OffsetDateTime followUpDeadline,
            String status) {}

    @GET
    @Operation(summary = "The reply to rate (token from the follow-up link)")
    public FollowUpView view(@PathParam("caseNumber") String caseNumber, @QueryParam("token") String token) {
        WorkItemView item = check(caseNumber, token);
        return new FollowUpView(
                item.caseNumber(),
                item.leadName(),
                item.replyResult(),
                item.repliedAt(),
                item.followUpDeadline(),
                item.status());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the reply: satisfied / basically satisfied / dissatisfied, solved or not")
    public FollowUpView rate(
            @PathParam("caseNumber") String caseNumber,
            @QueryParam("token") String token,
            @NotNull @Valid FollowUpRequest request) {
        check(caseNumber, token);
        actions.recordFollowUp(caseNumber, request.rating(), request.solved(), request.comment(), "COMPLAINANT", null);
        return view(caseNumber, token);
    }

    private WorkItemView check(String caseNumber, String token) {
        if (!links.valid(caseNumber, token)) {
            throw DomainException.notFound("case", caseNumber);
        }
        return workItems
                .find(caseNumber, java.util.List.of(), true)
                .orElseThrow(() -> DomainException.notFound("case", caseNumber));
    }
}
