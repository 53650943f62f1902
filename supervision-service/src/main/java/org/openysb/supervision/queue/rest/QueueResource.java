package org.openysb.supervision.queue.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.queue.service.FollowUpDue;
import org.openysb.supervision.queue.service.QueuePage;
import org.openysb.supervision.queue.service.QueueQuery;
import org.openysb.supervision.queue.service.QueueService;
import org.openysb.supervision.queue.service.SignResult;
import org.openysb.supervision.rest.Caller;

@Path("/api/work-items")
@Tag(name = "queue", description = "待办队列: a unit's cases by tab, paged on the server")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final QueueService queue;
    private final SecurityIdentity identity;

    public QueueResource(QueueService queue, SecurityIdentity identity) {
        this.queue = queue;
        this.identity = identity;
    }

    @GET
    @Path("/queue")
    @RolesAllowed({"handler", "supervisor", "inspector", "admin", "coordinator"})
    @Operation(
            summary = "One page of the caller's units' queue (lead and co-unit cases) with every tab's count",
            description = "tab: TO_SIGN, IN_PROGRESS, OVERDUE, RETURNED, REOPENED, CLOSED; sort: deadline, -deadline,"
                    + " assigned, -assigned; deadlineFrom/To (yyyy-MM-dd) on the tab's deadline. Overseers see"
                    + " every unit, or ?unit=")
    public QueuePage queue(
            @QueryParam("tab") String tab,
            @QueryParam("q") String q,
            @QueryParam("type") String type,
            @QueryParam("category") String category,
            @QueryParam("channel") String channel,
            @QueryParam("urgent") Boolean urgent,
            @QueryParam("role") String role,
            @QueryParam("deadlineFrom") String deadlineFrom,
            @QueryParam("deadlineTo") String deadlineTo,
            @QueryParam("sort") @DefaultValue("deadline") String sort,
            @QueryParam("unit") String unit,
            @QueryParam("actingFor") String actingFor,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        boolean acting = actingFor != null && identity.hasRole("coordinator") && !identity.hasRole("handler");
        boolean all = !acting && !identity.hasRole("handler") && Caller.oversees(identity);
        List<String> units = acting ? Caller.acting(identity, actingFor).units() : Caller.units(identity);
        return queue.page(new QueueQuery(
                all ? List.of() : units,
                all,
                all ? unit : null,
                QueueQuery.tab(tab),
                q,
                type,
                category,
                channel,
                urgent,
                role,
                date("deadlineFrom", deadlineFrom),
                date("deadlineTo", deadlineTo),
                sort,
                page,
                size));
    }

    @POST
    @Path("/sign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"handler", "coordinator"})
    @Operation(summary = "Sign for several cases at once (批量签收); one result per case, each in its own transaction")
    public BulkSignResponse signAll(
            @NotNull @Valid BulkSignRequest request, @QueryParam("actingFor") String actingFor) {
        Caller.Acting acting = Caller.acting(identity, actingFor);
        return new BulkSignResponse(queue.signAll(request.caseNumbers(), acting.name(), acting.units()));
    }

    @GET
    @Path("/follow-ups-due")
    @RolesAllowed({"hotline-operator", "supervisor", "admin"})
    @Operation(summary = "Replied cases awaiting the complainant's rating, earliest window end first (电话回访)")
    public FollowUpDue followUpsDue(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queue.followUpsDue(page, size);
    }

    /** 批量签收's answer. */
    public record BulkSignResponse(List<SignResult> results) {}

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, value, "日期格式应为 yyyy-MM-dd", "expected a date as yyyy-MM-dd");
        }
    }
}
