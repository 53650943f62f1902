package org.openysb.supervision.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.service.CalendarChanges;
import org.openysb.supervision.service.CalendarService;

@Path("/api/calendar")
@Tag(name = "calendar", description = "工作日历与期限计算 (working-day calendar and deadlines)")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {
    private final CalendarService calendar;
    private final CalendarChanges changes;
    private final SecurityIdentity identity;

    public CalendarResource(CalendarService calendar, CalendarChanges changes, SecurityIdentity identity) {
        this.calendar = calendar;
        this.changes = changes;
        this.identity = identity;
    }

    /** The deadline; {@code deadlineProvisional}: it rests on the provisional calendar of a year without a notice. */
    public record DeadlineResponse(OffsetDateTime deadline, boolean deadlineProvisional) {}

    /** The result of loading a year: its new version and how many cases got new deadlines (or lost the mark). */
    public record YearLoaded(int year, int days, int recomputedCases, int version) {}

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(
            summary = "Load or replace a year of the State Council holiday notice (holiday-cn JSON); open cases' "
                    + "deadlines are recomputed")
    public YearLoaded putYear(@PathParam("year") @Min(2000) @Max(2100) int year, @NotNull JsonNode notice) {
        CalendarChanges.Change change = changes.loadNotice(year, notice, actor());
        return new YearLoaded(year, notice.path("days").size(), change.recomputedCases(), change.version());
    }

    @DELETE
    @Path("/{year}")
    @RolesAllowed("admin")
    @Operation(
            summary = "Withdraw a year's notice loaded by mistake (and its one-off days): the year is provisional "
                    + "again; open cases' deadlines are recomputed")
    public CalendarChanges.Change withdraw(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return changes.withdraw(year, actor());
    }

    @POST
    @Path("/{year}/days")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(
            summary = "Add a one-off off day or make-up working day (临时调整) with the notice's reference and date, as "
                    + "a new version of the year; open cases' deadlines are recomputed")
    public Response addDay(
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @NotNull @Valid OneOffDayRequest request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        CalendarChanges.Change change = changes.addDay(
                year,
                new CalendarChanges.OneOffDay(
                        request.date(), request.offDay(), request.name(), request.reference(), request.noticeDate()),
                actor());
        return Response.created(uri.getBaseUriBuilder()
                        .path("/api/calendar/{year}/versions/{version}")
                        .build(year, change.version()))
                .entity(change)
                .build();
    }

    @GET
    @Path("/{year}/versions")
    @RolesAllowed({"admin", "supervisor", "inspector"})
    @Operation(summary = "The versions of a year's calendar, newest first: kind, who, when, the one-off day")
    public List<CalendarChanges.VersionView> versions(@PathParam("year") int year) {
        return changes.versions(year);
    }

    @GET
    @Path("/{year}/versions/{version}")
    @RolesAllowed({"admin", "supervisor", "inspector"})
    @Operation(summary = "One version of a year's calendar with its listed days as of it")
    public CalendarChanges.VersionView version(@PathParam("year") int year, @PathParam("version") int version) {
        return changes.version(year, version);
    }

    /**
     * The stored years and the years (this and next, Asia/Shanghai) without a notice ({@code missing}): deadlines
     * reaching them are counted on the provisional calendar ({@code provisional}: the statutory holidays and how many
     * one-off days stand in for the notice), from {@code provisionalFrom} on; {@code provisionalDeadlines} counts the
     * cases not closed whose handling or follow-up deadline is provisional.
     */
    public record Overview(
            java.time.LocalDate today,
            List<CalendarService.LoadedYear> years,
            List<Integer> missing,
            java.time.LocalDate provisionalFrom,
            List<CalendarChanges.ProvisionalYear> provisional,
            long provisionalDeadlines) {}

    @GET
    @PermitAll
    @Operation(
            summary = "The stored years (counts of off days and make-up working days, version), the missing ones and "
                    + "the provisional calendar standing in for them")
    public Overview overview() {
        return new Overview(
                java.time.LocalDate.now(org.openysb.supervision.model.WorkingCalendar.CHINA),
                calendar.loadedYears(),
                calendar.missingYears(1),
                calendar.calendar().provisionalFrom(),
                changes.provisionalYears(),
                changes.provisionalDeadlines());
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
        OffsetDateTime deadline = workingDays != null
                ? calendar.deadlineAfterWorkingDays(from, workingDays)
                : calendar.deadlineAfter(from, Duration.ofHours(hours));
        return new DeadlineResponse(
                deadline, workingDays != null && calendar.calendar().isProvisional(deadline));
    }
}
