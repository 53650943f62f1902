package org.openysb.supervision.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.openysb.supervision.model.CalendarYear;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.CalendarRepository;

/** Owns the working-day calendar: loads the holiday notices, and computes every deadline. */
@ApplicationScoped
public class CalendarService {
    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CalendarRepository repository;
    private volatile WorkingCalendar calendar;

    /** The bundled years loaded by this instance at start, and the calendar before them (for the recompute). */
    private volatile StartLoad startLoad = new StartLoad(List.of(), null);

    /** The years loaded at start from the bundled files, and the calendar as it was before. */
    public record StartLoad(List<Integer> years, WorkingCalendar before) {}

    public CalendarService(CalendarRepository repository) {
        this.repository = repository;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        repository
                .getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(4712)")
                .getSingleResult();
        int thisYear = Year.now(WorkingCalendar.CHINA).getValue();
        WorkingCalendar before = build();
        List<Integer> loaded = new java.util.ArrayList<>();
        for (int year = thisYear - 10; year <= thisYear + 2; year++) {
            String resource = "reference/holidays-cn/" + year + ".json";
            if (!repository.hasNotice(year)) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        storeNotice(year, JSON.readTree(in), resource, "system");
                        loaded.add(year);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        startLoad = new StartLoad(List.copyOf(loaded), before);
        calendar = null;
        LOG.infof("working-day calendar covers %s", calendar().knownYears());
    }

    /** What the bundled files loaded at this instance's start (recomputed by {@link CalendarChanges}). */
    public StartLoad startLoad() {
        return startLoad;
    }

    /**
     * Stores one year of the holiday-cn format ({@code days: [{name, date, isOffDay}]}) as the year's next version,
     * replacing the days listed before (one-off days included: a notice lists the special days of its year too).
     */
    void storeNotice(int year, JsonNode notice, String source, String actor) {
        CalendarYear entry = repository.getEntityManager().find(CalendarYear.class, year);
        repository.delete("year", year);
        repository.getEntityManager().flush();
        boolean created = entry == null;
        if (created) {
            entry = new CalendarYear();
            entry.year = year;
        }
        entry.version = repository.lastVersion(year) + 1;
        entry.loadedAt = OffsetDateTime.now();
        entry.source = source;
        entry.notice = true;
        if (created) {
            repository.persistYear(entry);
        }
        for (JsonNode node : notice.path("days")) {
            CalendarDay day = new CalendarDay();
            day.day = LocalDate.parse(node.path("date").asText());
            day.year = year;
            day.offDay = node.path("isOffDay").asBoolean();
            day.name = node.path("name").asText();
            repository.persist(day);
        }
        repository.getEntityManager().flush();
        repository.appendVersion(year, entry.version, "NOTICE", entry.loadedAt, actor, source, null);
    }

    public WorkingCalendar calendar() {
        WorkingCalendar current = calendar;
        if (current == null) {
            synchronized (this) {
                if (calendar == null) {
                    calendar = build();
                }
                current = calendar;
            }
        }
        return current;
    }

    /** The calendar as stored: listed days of every year, the years with a notice, provisional from this year on. */
    private WorkingCalendar build() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        Set<Integer> years = new HashSet<>(repository.noticeYears());
        repository.listedDays().forEach(d -> exceptions.put((LocalDate) d[0], (Boolean) d[1]));
        return new WorkingCalendar(
                exceptions, years, Year.now(WorkingCalendar.CHINA).getValue());
    }

    /** Forgets the cached calendar after a change in this transaction; returns the calendar now stored. */
    WorkingCalendar reload() {
        repository.getEntityManager().flush();
        synchronized (this) {
            calendar = null;
        }
        return calendar();
    }

    /**
     * Replaces one year of the calendar (the State Council's notice, holiday-cn format) and recomputes the deadlines
     * of open cases; each changed case gets the change on its trail.
     *
     * @return how many open cases got new deadlines
     */
    @Transactional
    public int replaceYear(int year, JsonNode notice, String actor, RecomputeDeadlines recompute) {
        if (notice.has("year") && notice.path("year").asInt() != year) {
            throw DomainException.invalidField(
                    "year", notice.path("year").asInt(), "日历年份与路径不一致", "year does not match the path");
        }
        if (!notice.path("days").isArray()) {
            throw DomainException.invalidField("days", null, "缺少 days 数组", "a days array is required");
        }
        int i = 0;
        for (JsonNode node : notice.path("days")) {
            String field = "days[" + i++ + "]";
            LocalDate date;
            try {
                date = LocalDate.parse(node.path("date").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainException.invalidField(
                        field + ".date", node.path("date").asText(), "日期格式应为 yyyy-MM-dd", "date must be yyyy-MM-dd");
            }
            if (date.getYear() != year || !node.path("isOffDay").isBoolean()) {
                throw DomainException.invalidField(
                        field,
                        node.toString(),
                        "日期须在该年内且 isOffDay 为布尔值",
                        "date within the year and a boolean isOffDay required");
            }
        }
        repository.lockYear(year);
        WorkingCalendar before = reload();
        storeNotice(year, notice, "admin:" + actor, actor);
        WorkingCalendar updated = reload();
        return recompute.recompute(
                before,
                updated,
                new Cause(DeadlineRecomputed.NOTICE_LOADED, year, repository.lastVersion(year), year + "年放假安排已载入"),
                actor);
    }

    /**
     * Why deadlines are recomputed.
     *
     * @param reason as {@link DeadlineRecomputed} names it
     * @param year the year whose calendar changed, null for the bundled notices loaded at start
     * @param version that year's calendar version now in force, null with {@code year}
     * @param text the wording that prefixes the change on each case's trail
     */
    public record Cause(String reason, Integer year, Integer version, String text) {}

    /**
     * Recomputes open cases' deadlines after a calendar change (implemented by the work-item side), putting each
     * change on the case's trail, prefixed by the cause's text, and announcing it.
     */
    @FunctionalInterface
    public interface RecomputeDeadlines {
        int recompute(WorkingCalendar before, WorkingCalendar after, Cause cause, String actor);
    }

    /** Other instances pick up a calendar change within a minute. */
    @io.quarkus.scheduler.Scheduled(
            identity = "calendar-refresh",
            every = "60s",
            delay = 60,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS)
    @Transactional
    void refresh() {
        synchronized (this) {
            calendar = null;
        }
        calendar();
    }

    /** The listed days of a year, as loaded. */
    @Transactional
    public List<CalendarDay> daysOf(int year) {
        return repository.list("year = ?1 order by day", year);
    }

    /**
     * A stored year: when and from where its current version came, how many off days and make-up working days it
     * lists, its version, and whether its notice is loaded ({@code notice} false: only one-off days, provisional).
     */
    public record LoadedYear(
            int year,
            OffsetDateTime loadedAt,
            String source,
            long offDays,
            long workDays,
            int version,
            boolean notice) {}

    /** The loaded years, oldest first. */
    @Transactional
    public List<LoadedYear> loadedYears() {
        Map<Integer, long[]> counts = new HashMap<>();
        for (Object[] row : repository.dayCounts()) {
            counts.put(
                    ((Number) row[0]).intValue(),
                    new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return repository.years().stream()
                .map(y -> {
                    long[] c = counts.getOrDefault(y.year, new long[2]);
                    return new LoadedYear(y.year, y.loadedAt, y.source, c[0], c[1], y.version, y.notice);
                })
                .toList();
    }

    /** Years of the next {@code ahead} that have no calendar loaded, from the current year on. */
    public List<Integer> missingYears(int ahead) {
        int thisYear = Year.now(WorkingCalendar.CHINA).getValue();
        WorkingCalendar cal = calendar();
        return java.util.stream.IntStream.rangeClosed(thisYear, thisYear + ahead)
                .filter(y -> !cal.covers(y))
                .boxed()
                .toList();
    }

    /** A working-day deadline; warns when it reaches a year without a notice (counted on the provisional calendar). */
    @Transactional
    public OffsetDateTime deadlineAfterWorkingDays(OffsetDateTime start, int workingDays) {
        WorkingCalendar cal = calendar();
        OffsetDateTime deadline = cal.addWorkingDays(start, workingDays);
        if (cal.reachesUnknownYear(start, deadline)) {
            LOG.warnf(
                    "deadline %s from %s reaches a year without a holiday notice, provisional (loaded: %s)",
                    deadline, start, cal.knownYears());
        }
        return deadline;
    }

    public OffsetDateTime deadlineAfter(OffsetDateTime start, Duration duration) {
        return calendar().addCalendarTime(start, duration);
    }
}
