package org.openysb.supervision.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Working days as the State Council's yearly notice defines them: Monday to Friday, minus holidays, plus make-up
 * working days (调休) on weekends. Deadlines follow administrative practice: the day the clock starts does not
 * count, and N working days end at the end (23:59:59.999, Asia/Shanghai) of the N-th working day after it.
 *
 * <p>A year without a loaded notice is provisional: its statutory holidays ({@link StatutoryHolidays}) are off, with no
 * make-up working days; days listed for it anyway (one-off changes) still apply. A deadline on or after the first
 * provisional day ({@link #provisionalFrom()}), or in any year without a notice, is provisional.
 */
public final class WorkingCalendar {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    /** date → true for a holiday, false for a make-up working day. */
    private final Map<LocalDate, Boolean> exceptions;

    private final Set<Integer> knownYears;

    private final LocalDate provisionalFrom;

    /** A calendar whose provisional part starts with the first year without a notice from the current year on. */
    public WorkingCalendar(Map<LocalDate, Boolean> exceptions, Set<Integer> knownYears) {
        this(exceptions, knownYears, java.time.Year.now(CHINA).getValue());
    }

    /** A calendar whose provisional part starts with the first year without a notice from {@code fromYear} on. */
    public WorkingCalendar(Map<LocalDate, Boolean> exceptions, Set<Integer> knownYears, int fromYear) {
        this.exceptions = Map.copyOf(exceptions);
        this.knownYears = Set.copyOf(knownYears);
        int year = fromYear;
        while (this.knownYears.contains(year)) {
            year++;
        }
        this.provisionalFrom = LocalDate.of(year, 1, 1);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean offDay = exceptions.get(day);
        if (offDay != null) {
            return !offDay;
        }
        if (!knownYears.contains(day.getYear()) && StatutoryHolidays.isHoliday(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Whether the State Council calendar of {@code year} is loaded; without it only weekends are known. */
    public boolean covers(int year) {
        return knownYears.contains(year);
    }

    public Set<Integer> knownYears() {
        return knownYears;
    }

    /** The first day of the first year without a notice (from the year this calendar was built for on). */
    public LocalDate provisionalFrom() {
        return provisionalFrom;
    }

    /**
     * Whether a deadline rests on the provisional calendar: its day (Asia/Shanghai) is on or after {@link
     * #provisionalFrom()} or in a year without a notice. A null deadline is not provisional.
     */
    public boolean isProvisional(OffsetDateTime deadline) {
        if (deadline == null) {
            return false;
        }
        LocalDate day = deadline.atZoneSameInstant(CHINA).toLocalDate();
        return !day.isBefore(provisionalFrom) || !covers(day.getYear());
    }

    /** End of the {@code workingDays}-th working day after the day of {@code start}. */
    public OffsetDateTime addWorkingDays(OffsetDateTime start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate day = start.atZoneSameInstant(CHINA).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(END_OF_DAY).atZone(CHINA).toOffsetDateTime();
    }

    /** Working days after the day of {@code from}, up to and including the day of {@code to} (0 if not after). */
    public int workingDaysBetween(OffsetDateTime from, OffsetDateTime to) {
        LocalDate day = from.atZoneSameInstant(CHINA).toLocalDate();
        LocalDate end = to.atZoneSameInstant(CHINA).toLocalDate();
        int count = 0;
        while (day.isBefore(end)) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** A calendar-time limit (urgent cases): runs on the clock, holidays included. */
    public OffsetDateTime addCalendarTime(OffsetDateTime start, Duration duration) {
        return start.plus(duration).atZoneSameInstant(CHINA).toOffsetDateTime();
    }

    /** Years a deadline computed from {@code start} reaches that have no calendar loaded. */
    public boolean reachesUnknownYear(OffsetDateTime start, OffsetDateTime deadline) {
        for (int y = start.atZoneSameInstant(CHINA).getYear();
                y <= deadline.atZoneSameInstant(CHINA).getYear();
                y++) {
            if (!covers(y)) {
                return true;
            }
        }
        return false;
    }
}
