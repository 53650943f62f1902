package org.openysb.supervision.metrics.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.problem.DomainException;
import org.openysb.supervision.metrics.service.Dashboard;
import org.openysb.supervision.metrics.service.DashboardService;
import org.openysb.supervision.metrics.service.MetricsExport;
import org.openysb.supervision.metrics.service.MetricsReport;
import org.openysb.supervision.metrics.service.MetricsService;
import org.openysb.supervision.metrics.service.Ranking;
import org.openysb.supervision.model.WorkingCalendar;

@Path("/api")
@Tag(name = "metrics", description = "统计、排名与月报 (rates, rankings and the monthly report)")
@RolesAllowed({"supervisor", "inspector", "admin", "coordinator"})
public class MetricsResource {
    private static final int MAX_DASHBOARD_DAYS = 731;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MetricsService metrics;
    private final MetricsExport export;
    private final DashboardService dashboards;

    public MetricsResource(MetricsService metrics, MetricsExport export, DashboardService dashboards) {
        this.metrics = metrics;
        this.export = export;
        this.dashboards = dashboards;
    }

    @GET
    @Path("/metrics")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every rate with numerator and denominator, by period (default: this month), unit, channel, "
                    + "category and type")
    public MetricsReport report(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("unit") String unit,
            @QueryParam("channel") String channel,
            @QueryParam("category") String category,
            @QueryParam("type") String type) {
        LocalDate[] range = range(from, to);
        return metrics.report(range[0], range[1], unit, channel, category, type);
    }

    @GET
    @Path("/metrics/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The supervisor's dashboard: totals, received and closed per day, rates per unit, overdue cases "
                    + "per unit and category, channel mix; by period (default: this month) and filters")
    public Dashboard dashboard(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("unit") String unit,
            @QueryParam("district") String district,
            @QueryParam("channel") String channel,
            @QueryParam("category") String category,
            @QueryParam("type") String type) {
        LocalDate[] range = range(from, to);
        if (range[1].isAfter(range[0].plusDays(MAX_DASHBOARD_DAYS - 1))) {
            throw DomainException.invalidField(
                    "to",
                    to,
                    "统计周期最长" + MAX_DASHBOARD_DAYS + "天",
                    "the period is at most " + MAX_DASHBOARD_DAYS + " days");
        }
        return dashboards.dashboard(
                range[0],
                range[1],
                new Dashboard.Filters(blank(unit), blank(district), blank(channel), blank(category), blank(type)));
    }

    @GET
    @Path("/rankings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Monthly (2026-10) or quarterly (2026-Q4) ranking by the composite score, with red and black lists")
    public Ranking rankings(@QueryParam("period") @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$") String period) {
        if (period == null) {
            throw DomainException.invalidField("period", null, "请给出统计周期", "period is required");
        }
        return metrics.rankings(period);
    }

    @GET
    @Path("/metrics/export")
    @Produces({"text/csv", XLSX})
    @Operation(summary = "The monthly report per unit as CSV or Excel (.xlsx)")
    public Response exportReport(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("format") @Pattern(regexp = "^(csv|xlsx)$") String format) {
        LocalDate[] range = range(from, to);
        boolean excel = "xlsx".equals(format);
        String name = "openysb-metrics-" + range[0] + "-" + range[1] + (excel ? ".xlsx" : ".csv");
        return Response.ok(excel ? export.xlsx(range[0], range[1]) : export.csv(range[0], range[1]))
                .type(excel ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate[] range(String from, String to) {
        YearMonth thisMonth = YearMonth.now(WorkingCalendar.CHINA);
        LocalDate start = parse("from", from, thisMonth.atDay(1));
        LocalDate end = parse("to", to, thisMonth.atEndOfMonth());
        if (end.isBefore(start)) {
            throw DomainException.invalidField("to", to, "结束日期早于开始日期", "to is before from");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, value, "日期格式应为 yyyy-MM-dd", "date must be yyyy-MM-dd");
        }
    }
}
