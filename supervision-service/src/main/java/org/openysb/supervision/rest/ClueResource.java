package org.openysb.supervision.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.model.Clue;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.service.ClueAnalyticsService;
import org.openysb.supervision.service.ClueService;
import org.openysb.supervision.service.ClueService.ClueView;

/** 线索台账: the discipline inspectors' clue ledger. */
@Path("/api/clues")
@Tag(name = "clues", description = "线索台账 (the discipline-inspection clue ledger)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"inspector", "admin"})
public class ClueResource {
    private final ClueService clues;
    private final ClueAnalyticsService analytics;
    private final SecurityIdentity identity;

    public ClueResource(ClueService clues, ClueAnalyticsService analytics, SecurityIdentity identity) {
        this.clues = clues;
        this.analytics = analytics;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The ledger, newest first: filter by state (OPEN, CLOSED), unit, kind, case and raised date")
    public List<ClueView> list(
            @QueryParam("state") String state,
            @QueryParam("unit") String unit,
            @QueryParam("kind") String kind,
            @QueryParam("caseNumber") String caseNumber,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit) {
        Clue.State s = null;
        if (state != null) {
            try {
                s = Clue.State.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("state", state, "状态应为 OPEN 或 CLOSED", "state is OPEN or CLOSED");
            }
        }
        if (kind != null && !Clue.KINDS.contains(kind)) {
            throw DomainException.invalidField(
                    "kind", kind, "未知的线索类型", "unknown kind; one of " + String.join(", ", Clue.KINDS));
        }
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > 1000) {
            throw DomainException.invalidField("limit", limit, "条数应在 1 到 1000 之间", "limit is 1 to 1000");
        }
        return clues.search(s, unit, kind, caseNumber, startOf("from", from, 0), startOf("to", to, 1), max);
    }

    @GET
    @Path("/analytics")
    @RolesAllowed({"inspector", "supervisor", "admin"})
    @Operation(
            summary = "不作为分析: clues per unit, month (yyyy-MM, China time) and kind; from/to default to the last 6"
                    + " months, at most 36")
    public ClueAnalyticsService.Analytics analytics(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("unit") String unit) {
        YearMonth last = to == null ? YearMonth.now(WorkingCalendar.CHINA) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(5) : month("from", from);
        if (first.isAfter(last)) {
            throw DomainException.invalidField("from", from, "起始月份不能晚于截止月份", "from is not after to");
        }
        if (first.plusMonths(36).isBefore(last.plusMonths(1))) {
            throw DomainException.invalidField("from", from, "最多查询 36 个月", "at most 36 months");
        }
        return analytics.count(first, last, unit == null || unit.isBlank() ? null : unit);
    }

    @GET
    @Path("/{id}/sources")
    @Operation(
            summary = "The clue with the trail entries that raised it (SIGNAL), its own entry (CLUE) and its"
                    + " close-out (CLOSE)")
    public ClueService.ClueSources sources(@PathParam("id") String id) {
        return clues.sources(id);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One clue")
    public ClueView get(@PathParam("id") String id) {
        return clues.find(id).orElseThrow(() -> DomainException.notFound("clue", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("inspector")
    @Operation(summary = "Enter a clue by hand (线索登记)")
    public Response raise(@NotNull @Valid ClueRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        ClueView clue = clues.raiseByHand(
                request.caseNumber(),
                request.unitCode(),
                request.unitName(),
                request.description(),
                request.relatedCaseNumber(),
                Caller.name(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(clue.id()).build())
                .entity(clue)
                .build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("inspector")
    @Operation(summary = "Close out a clue (销号) with the finding; 409 when already closed out")
    public ClueView close(@PathParam("id") String id, @NotNull @Valid ClueCloseRequest request) {
        return clues.closeOut(id, request.finding(), Caller.name(identity));
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(name, value, "月份格式应为 yyyy-MM", "a month is yyyy-MM");
        }
    }

    /** A date parameter as the start of that day in China, plus {@code plusDays}. */
    private static OffsetDateTime startOf(String name, String value, int plusDays) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value)
                    .plusDays(plusDays)
                    .atStartOfDay(WorkingCalendar.CHINA)
                    .toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(name, value, "日期格式应为 yyyy-MM-dd", "a date is yyyy-MM-dd");
        }
    }
}
