package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.CalendarService;

@Path("/api/calendar")
@Tag(name = "calendar", description = "工作日历与期限计算 (working-day calendar and deadlines)")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final CalendarService calendar;

    public CalendarResource(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** The deadline. */
    public record DeadlineResponse(OffsetDateTime deadline) {}

    @GET
    @Path("/deadline")
    @PermitAll
    @Operation(summary = "Deadline after N working days (holidays and make-up days counted) or after N hours")
    public DeadlineResponse deadline(
            @QueryParam("start") @NotNull String start,
            @QueryParam("workingDays") @Min(0) @Max(365) Integer workingDays,
            @QueryParam("hours") @Min(0) @Max(24 * 365) Integer hours) {
        OffsetDateTime from;
        try {
            from = OffsetDateTime.parse(start);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(
                    "start", start, "开始时间格式应为 ISO-8601，例如 2026-09-30T10:00:00+08:00", "ISO-8601 date-time with offset");
        }
        if ((workingDays == null) == (hours == null)) {
            throw DomainException.invalidField(
                    "workingDays",
                    workingDays,
                    "workingDays 与 hours 须且只能给出一个",
                    "give exactly one of workingDays and hours");
        }
        return new DeadlineResponse(
                workingDays != null
                        ? calendar.deadlineAfterWorkingDays(from, workingDays)
                        : calendar.deadlineAfter(from, Duration.ofHours(hours)));
    }
}
