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
        for (int year = thisYear - 10; year <= thisYear + 2; year++) {
            String resource = "reference/holidays-cn/" + year + ".json";
            if (!repository.hasYear(year)) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        loadYear(year, JSON.readTree(in), resource);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        calendar = null;
        LOG.infof("working-day calendar covers %s", calendar().knownYears());
    }

    /** Stores one year of the holiday-cn format ({@code days: [{name, date, isOffDay}]}). */
    void loadYear(int year, JsonNode notice, String source) {
        CalendarYear entry = new CalendarYear();
        entry.year = year;
        entry.loadedAt = OffsetDateTime.now();
        entry.source = source;
        repository.persistYear(entry);
        for (JsonNode node : notice.path("days")) {
            CalendarDay day = new CalendarDay();
            day.day = LocalDate.parse(node.path("date").asText());
            day.year = year;
            day.offDay = node.path("isOffDay").asBoolean();
            day.name = node.path("name").asText();
            repository.persist(day);
        }
    }

    public WorkingCalendar calendar() {
        WorkingCalendar current = calendar;
        if (current == null) {
            synchronized (this) {
                if (calendar == null) {
                    Map<LocalDate, Boolean> exceptions = new HashMap<>();
                    Set<Integer> years = new HashSet<>();
                    repository.years().forEach(y -> years.add(y.year));
                    repository.listAll().forEach(d -> exceptions.put(d.day, d.offDay));
                    calendar = new WorkingCalendar(exceptions, years);
                }
                current = calendar;
            }
        }
        return current;
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
        repository.delete("year", year);
        repository
                .getEntityManager()
                .createQuery("delete from CalendarYear where year = ?1")
                .setParameter(1, year)
                .executeUpdate();
        repository.getEntityManager().flush();
        loadYear(year, notice, "admin:" + actor);
        repository.getEntityManager().flush();
        synchronized (this) {
            calendar = null;
        }
        WorkingCalendar updated = calendar();
        return recompute.recompute(updated, year, actor);
    }

    /** Recomputes open cases' deadlines after a calendar change (implemented by the work-item side). */
    @FunctionalInterface
    public interface RecomputeDeadlines {
        int recompute(WorkingCalendar calendar, int year, String actor);
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

    /** A loaded year: when and from where, and how many off days and make-up working days it lists. */
    public record LoadedYear(int year, OffsetDateTime loadedAt, String source, long offDays, long workDays) {}

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
                    return new LoadedYear(y.year, y.loadedAt, y.source, c[0], c[1]);
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

    /** A working-day deadline; warns when it reaches a year without a calendar. */
    @Transactional
    public OffsetDateTime deadlineAfterWorkingDays(OffsetDateTime start, int workingDays) {
        WorkingCalendar cal = calendar();
        OffsetDateTime deadline = cal.addWorkingDays(start, workingDays);
        if (cal.reachesUnknownYear(start, deadline)) {
            LOG.warnf(
                    "deadline %s from %s reaches a year without a holiday calendar (loaded: %s)",
                    deadline, start, cal.knownYears());
        }
        return deadline;
    }

    public OffsetDateTime deadlineAfter(OffsetDateTime start, Duration duration) {
        return calendar().addCalendarTime(start, duration);
    }
}
