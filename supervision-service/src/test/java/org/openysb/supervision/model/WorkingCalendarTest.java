package org.openysb.supervision.model;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {
    /** The 2026 National Day and Mid-Autumn notice, as far as these tests need it. */
    private final WorkingCalendar calendar = new WorkingCalendar(
            Map.of(
                    LocalDate.parse("2026-09-20"), false,
                    LocalDate.parse("2026-09-25"), true,
                    LocalDate.parse("2026-10-01"), true,
                    LocalDate.parse("2026-10-02"), true,
                    LocalDate.parse("2026-10-05"), true,
                    LocalDate.parse("2026-10-06"), true,
                    LocalDate.parse("2026-10-07"), true,
                    LocalDate.parse("2026-10-10"), false),
            Set.of(2026));

    @Test
    void fiveWorkingDaysAcrossNationalDayEndAtTheEndOfTheFifthWorkingDay() {
        assertEquals(
                OffsetDateTime.parse("2026-10-13T23:59:59.999+08:00"),
                calendar.addWorkingDays(OffsetDateTime.parse("2026-09-30T10:00:00+08:00"), 5));
    }

    @Test
    void theStartDayDoesNotCount() {
        assertEquals(
                OffsetDateTime.parse("2026-11-24T23:59:59.999+08:00"),
                calendar.addWorkingDays(OffsetDateTime.parse("2026-11-23T08:30:00+08:00"), 1));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndAWeekdayHolidayIsNot() {
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-10-10")));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-09-20")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-05")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-11-22")));
    }

    @Test
    void aFridayStartRunsOverTheWeekend() {
        assertEquals(
                OffsetDateTime.parse("2026-11-23T23:59:59.999+08:00"),
                calendar.addWorkingDays(OffsetDateTime.parse("2026-11-20T17:00:00+08:00"), 1));
    }

    @Test
    void theDayIsTheDayInChinaNotInUtc() {
        // 2026-11-20T20:00Z is already Saturday 04:00 in Beijing: the first working day after it is Monday
        assertEquals(
                OffsetDateTime.parse("2026-11-23T23:59:59.999+08:00"),
                calendar.addWorkingDays(OffsetDateTime.parse("2026-11-20T20:00:00Z"), 1));
    }

    @Test
    void calendarTimeLimitsIgnoreHolidays() {
        assertEquals(
                OffsetDateTime.parse("2026-10-02T10:00:00+08:00"),
                calendar.addCalendarTime(OffsetDateTime.parse("2026-10-01T10:00:00+08:00"), Duration.ofHours(24)));
    }

    @Test
    void knowsWhenADeadlineReachesAYearWithoutCalendar() {
        assertTrue(calendar.reachesUnknownYear(
                OffsetDateTime.parse("2026-12-20T10:00:00+08:00"), OffsetDateTime.parse("2027-01-10T10:00:00+08:00")));
        assertFalse(calendar.reachesUnknownYear(
                OffsetDateTime.parse("2026-11-20T10:00:00+08:00"), OffsetDateTime.parse("2026-12-10T10:00:00+08:00")));
    }
}
