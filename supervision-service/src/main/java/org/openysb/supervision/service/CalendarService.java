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
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

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
