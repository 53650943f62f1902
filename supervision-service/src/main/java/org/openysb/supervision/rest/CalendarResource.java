package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.CalendarService;
import org.openysb.supervision.service.WorkItemService;

@Path("/api/calendar")
@Tag(name = "calendar", description = "工作日历与期限计算 (working-day calendar and deadlines)")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final CalendarService calendar;
    private final WorkItemService workItems;
    private final SecurityIdentity identity;

    public CalendarResource(CalendarService calendar, WorkItemService workItems, SecurityIdentity identity) {
        this.calendar = calendar;
        this.workItems = workItems;
        this.identity = identity;
    }

    /** The deadline. */
    public record DeadlineResponse(OffsetDateTime deadline) {}

    /** The result of loading a year. */
    public record YearLoaded(int year, int days, int recomputedCases) {}

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(
            summary = "Load or replace a year of the State Council holiday notice (holiday-cn JSON); open cases' "
                    + "deadlines are recomputed")
    public YearLoaded putYear(@PathParam("year") @Min(2000) @Max(2100) int year, @NotNull JsonNode notice) {
        int recomputed = calendar.replaceYear(year, notice, actor(), workItems::recomputeDeadlines);
        return new YearLoaded(year, notice.path("days").size(), recomputed);
    }

    /**
     * The loaded years and the years (this and next, Asia/Shanghai) without a calendar: deadlines reaching a missing
     * year are counted on weekends alone.
     */
    public record Overview(java.time.LocalDate today, List<CalendarService.LoadedYear> years, List<Integer> missing) {}

    @GET
    @PermitAll
    @Operation(
            summary = "The loaded years (with their counts of off days and make-up working days) and the missing ones")
    public Overview overview() {
        return new Overview(
                java.time.LocalDate.now(org.openysb.supervision.model.WorkingCalendar.CHINA),
                calendar.loadedYears(),
                calendar.missingYears(1));
    }

    /** One listed day of a year's notice. */
    public record Day(java.time.LocalDate date, boolean offDay, String name) {}

    @GET
    @Path("/{year}")
    @PermitAll
    @Operation(summary = "The holidays and make-up working days of a year, as loaded")
    public List<Day> year(@PathParam("year") int year) {
        List<Day> days = calendar.daysOf(year).stream()
                .map(d -> new Day(d.day, d.offDay, d.name))
                .toList();
        if (days.isEmpty()) {
            throw DomainException.notFound("calendar year", String.valueOf(year));
        }
        return days;
    }

    private String actor() {
        return identity.getPrincipal() == null
                ? "admin"
                : identity.getPrincipal().getName();
    }

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
