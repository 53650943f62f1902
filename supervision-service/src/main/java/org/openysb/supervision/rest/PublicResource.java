package org.openysb.supervision.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.ExpectedReplyService;
import org.openysb.supervision.service.ExpectedReplyService.ExpectedReply;
import org.openysb.supervision.service.PublicStatistics;
import org.openysb.supervision.service.PublicStatisticsService;

/** What the portal shows anyone, without signing in: when to expect a reply, and the public statistics. */
@Path("/api/public")
@Tag(name = "public", description = "公开信息：预计答复时间与公开统计 (expected reply and public statistics)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicResource {
    private final ExpectedReplyService expectedReplies;
    private final PublicStatisticsService statistics;

    public PublicResource(ExpectedReplyService expectedReplies, PublicStatisticsService statistics) {
        this.expectedReplies = expectedReplies;
        this.statistics = statistics;
    }

    @GET
    @Path("/expected-reply")
    @Operation(
            summary = "The handling limit of a complaint type and its deadline if filed now (working-day calendar; "
                    + "urgent: calendar hours)")
    public ExpectedReply expectedReply(@QueryParam("type") String type, @QueryParam("urgent") String urgent) {
        return expectedReplies.expectedReply(type, flag(urgent));
    }

    @GET
    @Path("/statistics")
    @Operation(
            summary = "Public statistics of the last months (default 6, at most 24): received and closed per month, "
                    + "per-unit rates and composite score, the quarter's red and black lists, dispatches per category")
    public PublicStatistics statistics(@QueryParam("months") String months) {
        return statistics.statistics(months == null || months.isBlank() ? null : number(months));
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw DomainException.invalidField("urgent", value, "urgent 应为 true 或 false", "urgent is true or false");
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalidField("months", value, "统计月数应为整数", "months is a whole number");
        }
    }
}
