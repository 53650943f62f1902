package org.openysb.supervision.oversight.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.oversight.service.Approvals;
import org.openysb.supervision.oversight.service.Dissatisfied;
import org.openysb.supervision.oversight.service.OverdueBoard;
import org.openysb.supervision.oversight.service.WorkQueueService;

@Path("/api/work-items")
@Tag(name = "supervisor queues", description = "督办工作台: requests to decide, the overdue board, dissatisfied follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
public class WorkQueueResource {
    private final WorkQueueService queues;

    public WorkQueueResource(WorkQueueService queues) {
        this.queues = queues;
    }

    @GET
    @Path("/approvals")
    @Operation(
            summary = "Extension (延期) and suspension (中止) requests awaiting a supervisor's decision, oldest first,"
                    + " each with its case")
    public Approvals approvals() {
        return queues.approvals();
    }

    @GET
    @Path("/overdue-board")
    @Operation(
            summary = "Open cases past their handling deadline, most overdue first, with the reminders, notices"
                    + " (催办通知书) and supervision orders (督办单) issued",
            description = "unit: a lead unit's code; level: the highest escalation for the current deadline (NONE,"
                    + " REMINDER, NOTICE, ORDER). `units` lists every unit's overdue count, unfiltered.")
    public OverdueBoard overdueBoard(
            @QueryParam("unit") String unit,
            @QueryParam("level") String level,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String wanted = blankToNull(level);
        if (wanted != null && !WorkQueueService.LEVELS.contains(wanted)) {
            throw DomainException.invalidField(
                    "level", level, "督办级别应为 NONE、REMINDER、NOTICE 或 ORDER", "expected NONE, REMINDER, NOTICE or ORDER");
        }
        return queues.overdue(blankToNull(unit), wanted, page, size);
    }

    @GET
    @Path("/dissatisfied")
    @Operation(
            summary = "Replied cases rated dissatisfied (or not solved), neither reopened nor closed: to reopen (重办)"
                    + " or close (销号)")
    public Dissatisfied dissatisfied(
            @QueryParam("unit") String unit,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queues.dissatisfied(blankToNull(unit), page, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
