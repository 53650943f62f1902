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

    @Test
    void aYearWithoutNoticeIsProvisionalWithItsStatutoryHolidaysOff() {
        WorkingCalendar provisional2027 = new WorkingCalendar(Map.of(), Set.of(2023, 2024, 2025, 2026), 2026);
        // 2026-12-20 (Sunday) + 15 working days: New Year's Day 2027 (Friday) is off by law
        OffsetDateTime deadline = provisional2027.addWorkingDays(OffsetDateTime.parse("2026-12-20T10:00:00+08:00"), 15);
        assertEquals(OffsetDateTime.parse("2027-01-11T23:59:59.999+08:00"), deadline);
        assertTrue(provisional2027.isProvisional(deadline));
        assertEquals(LocalDate.parse("2027-01-01"), provisional2027.provisionalFrom());
        assertFalse(provisional2027.isProvisional(OffsetDateTime.parse("2026-12-31T23:59:59.999+08:00")));
        // 2027-01-01 00:30 in Beijing is still 2026 in UTC: the day in China counts
        assertTrue(provisional2027.isProvisional(OffsetDateTime.parse("2026-12-31T16:30:00Z")));
        assertFalse(provisional2027.isWorkingDay(LocalDate.parse("2027-02-05"))); // 除夕, a Friday
        assertTrue(provisional2027.isWorkingDay(LocalDate.parse("2027-02-09"))); // no notice: no days added around
        assertFalse(provisional2027.isProvisional(null));
    }

    @Test
    void aOneOffDayListedForAYearWithoutNoticeStillApplies() {
        WorkingCalendar cal = new WorkingCalendar(
                Map.of(LocalDate.parse("2027-01-04"), true, LocalDate.parse("2027-01-01"), false), Set.of(2026), 2026);
        assertFalse(cal.isWorkingDay(LocalDate.parse("2027-01-04")));
        assertTrue(cal.isWorkingDay(LocalDate.parse("2027-01-01")));
        assertTrue(cal.isProvisional(OffsetDateTime.parse("2027-01-04T23:59:59.999+08:00")));
    }

    @Test
    void aLoadedNoticeReplacesTheStatutoryHolidays() {
        // with 2027 loaded (and not listing New Year's Day, as a test notice may), only the notice counts
        WorkingCalendar loaded = new WorkingCalendar(Map.of(), Set.of(2026, 2027), 2026);
        assertTrue(loaded.isWorkingDay(LocalDate.parse("2027-01-01")));
        assertFalse(loaded.isProvisional(OffsetDateTime.parse("2027-01-11T23:59:59.999+08:00")));
        assertEquals(LocalDate.parse("2028-01-01"), loaded.provisionalFrom());
    }
}
