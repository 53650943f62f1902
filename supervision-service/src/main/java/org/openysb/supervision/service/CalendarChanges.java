package org.openysb.supervision.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.openysb.contracts.events.DeadlineRecomputed;
import org.openysb.problem.DomainException;
import org.openysb.supervision.model.CalendarDay;
import org.openysb.supervision.model.CalendarVersion;
import org.openysb.supervision.model.CalendarYear;
import org.openysb.supervision.model.StatutoryHolidays;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.CalendarRepository;

/**
 * Changes of a year's calendar besides loading a whole notice: a one-off off day or make-up working day (临时调整, with
 * the notice's reference and date), withdrawing a notice loaded by mistake; each a new version of the year with who
 * and when, after which the deadlines of cases not closed are recomputed. Also the provisional years as the admin page
 * shows them, and the recompute after bundled notices were loaded at start.
 */
@ApplicationScoped
public class CalendarChanges {
    private static final Logger LOG = Logger.getLogger(CalendarChanges.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CalendarService calendar;
    private final CalendarRepository repository;
    private final DeadlineRecomputation recomputation;

    public CalendarChanges(
            CalendarService calendar, CalendarRepository repository, DeadlineRecomputation recomputation) {
        this.calendar = calendar;
        this.repository = repository;
        this.recomputation = recomputation;
    }

    /** A one-off change: {@code offDay} true adds a holiday, false a make-up working day. */
    public record OneOffDay(LocalDate date, boolean offDay, String name, String reference, LocalDate noticeDate) {}

    /** The version a change made and how many cases got new deadlines (or lost their provisional mark). */
    public record Change(int year, int version, int recomputedCases) {}

    /** A version of a year's calendar; {@code days} (the listed days as of it) only when one version is asked for. */
    public record VersionView(
            int year,
            int version,
            String kind,
            OffsetDateTime createdAt,
            String createdBy,
            String source,
            String reference,
            LocalDate noticeDate,
            LocalDate date,
            Boolean offDay,
            String name,
            JsonNode days) {}

    /** A year without a loaded notice: its statutory holidays and one-off days in force until the notice comes. */
    public record ProvisionalYear(int year, List<StatutoryHolidays.Holiday> holidays, long oneOffDays) {}

    /** Loads or replaces a year's notice (see {@link CalendarService#replaceYear}) and recomputes. */
    @Transactional
    public Change loadNotice(int year, JsonNode notice, String actor) {
        int recomputed = calendar.replaceYear(year, notice, actor, recomputation);
        return new Change(year, repository.lastVersion(year), recomputed);
    }

    @Transactional
    public Change addDay(int year, OneOffDay request, String actor) {
        if (request.date().getYear() != year) {
            throw DomainException.invalidField(
                    "date", request.date(), "日期须在 " + year + " 年内", "the date must be within " + year);
        }
        if (request.noticeDate().isAfter(LocalDate.now(WorkingCalendar.CHINA))) {
            throw DomainException.invalidField(
                    "noticeDate", request.noticeDate(), "通知日期不能晚于今天", "the notice date cannot be in the future");
        }
        repository.lockYear(year);
        WorkingCalendar before = calendar.reload();
        if (before.isWorkingDay(request.date()) != request.offDay()) {
            throw DomainException.invalidField(
                    "offDay",
                    request.offDay(),
                    request.offDay() ? "该日已是休息日，无需调整" : "该日已是工作日，无需调整",
                    request.offDay() ? "that day is already an off day" : "that day is already a working day");
        }
        OffsetDateTime now = OffsetDateTime.now();
        int version = repository.lastVersion(year) + 1;
        CalendarYear entry = repository.year(year);
        if (entry == null) {
            entry = new CalendarYear();
            entry.year = year;
            entry.loadedAt = now;
            entry.source = "admin:" + actor;
            entry.notice = false;
            entry.version = version;
            repository.persistYear(entry);
        } else {
            entry.version = version;
        }
        CalendarDay day = repository.findById(request.date());
        boolean created = day == null;
        if (created) {
            day = new CalendarDay();
            day.day = request.date();
        }
        day.year = year;
        day.offDay = request.offDay();
        day.name = request.name() == null || request.name().isBlank()
                ? (request.offDay() ? "临时放假" : "调休上班")
                : request.name().strip();
        day.reference = request.reference().strip();
        day.noticeDate = request.noticeDate();
        if (created) {
            repository.persist(day);
        }
        repository.getEntityManager().flush();
        repository.appendVersion(year, version, "ONE_OFF", now, actor, "admin:" + actor, day);
        WorkingCalendar after = calendar.reload();
        String cause = year + "年工作日历临时调整（" + day.reference + "，" + request.date() + (day.offDay ? "放假" : "上班") + "）";
        return new Change(
                year,
                version,
                recomputation.recompute(
                        before,
                        after,
                        new CalendarService.Cause(DeadlineRecomputed.ONE_OFF_DAY, year, version, cause),
                        actor));
    }

    /** Removes a year's notice (and its one-off days): the year is provisional again. */
    @Transactional
    public Change withdraw(int year, String actor) {
        repository.lockYear(year);
        CalendarYear entry = repository.year(year);
        if (entry == null) {
            throw DomainException.notFound("calendar year", String.valueOf(year));
        }
        WorkingCalendar before = calendar.reload();
        repository.delete("year", year);
        repository.getEntityManager().remove(entry);
        repository.getEntityManager().flush();
        int version = repository.lastVersion(year) + 1;
        repository.appendVersion(year, version, "WITHDRAWN", OffsetDateTime.now(), actor, "admin:" + actor, null);
        WorkingCalendar after = calendar.reload();
        String cause = year + "年放假安排已撤回，按法定节假日暂定";
        return new Change(
                year,
                version,
                recomputation.recompute(
                        before,
                        after,
                        new CalendarService.Cause(DeadlineRecomputed.NOTICE_WITHDRAWN, year, version, cause),
                        actor));
    }

    @Transactional
    public List<VersionView> versions(int year) {
        return repository.versions(year).stream().map(v -> view(v, false)).toList();
    }

    @Transactional
    public VersionView version(int year, int version) {
        return repository.versions(year).stream()
                .filter(v -> v.version == version)
                .findFirst()
                .map(v -> view(v, true))
                .orElseThrow(() -> DomainException.notFound("calendar version", year + "/" + version));
    }

    /** This and next year (Asia/Shanghai), those without a notice, with what stands in for it. */
    @Transactional
    public List<ProvisionalYear> provisionalYears() {
        int thisYear = Year.now(WorkingCalendar.CHINA).getValue();
        WorkingCalendar cal = calendar.calendar();
        return IntStream.rangeClosed(thisYear, thisYear + 1)
                .filter(y -> !cal.covers(y))
                .mapToObj(y -> new ProvisionalYear(y, StatutoryHolidays.of(y), repository.count("year", y)))
                .toList();
    }

    /** Cases not closed whose handling or follow-up deadline is provisional. */
    @Transactional
    public long provisionalDeadlines() {
        LocalDate from = calendar.calendar().provisionalFrom();
        return repository.openDeadlinesFrom(
                from.atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime());
    }

    /** After the bundled notices were loaded at start: recompute what was counted provisionally before. */
    @Transactional
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent start) {
        CalendarService.StartLoad load = calendar.startLoad();
        if (load.years().isEmpty() || load.before() == null) {
            return;
        }
        int recomputed = recomputation.recompute(
                load.before(),
                calendar.reload(),
                new CalendarService.Cause(
                        DeadlineRecomputed.BUNDLED_NOTICES, null, null, "内置放假安排已载入（" + load.years() + "）"),
                "system");
        if (recomputed > 0) {
            LOG.infof("recomputed the deadlines of %d cases after loading %s", recomputed, load.years());
        }
    }

    private static VersionView view(CalendarVersion v, boolean withDays) {
        JsonNode days = null;
        if (withDays) {
            try {
                days = JSON.readTree(v.days);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new VersionView(
                v.year,
                v.version,
                v.kind,
                v.createdAt.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime(),
                v.createdBy,
                v.source,
                v.reference,
                v.noticeDate,
                v.day,
                v.offDay,
                v.name,
                days);
    }
}
