package org.openysb.supervision.model;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatutoryHolidaysTest {
    @ParameterizedTest
    @CsvSource({
        "2023, 2023-04-05",
        "2024, 2024-04-04",
        "2025, 2025-04-04",
        "2026, 2026-04-05",
        "2027, 2027-04-05",
        "2028, 2028-04-04",
        "2029, 2029-04-04",
        "2030, 2030-04-05"
    })
    void qingmingFallsOnItsSolarTerm(int year, LocalDate expected) {
        assertEquals(expected, ChineseAlmanac.qingming(year));
    }

    /** 正月初一, 端午 and 中秋 as published; 2027 and 2030 are the years ICU4J's own astronomy gets a day wrong. */
    @ParameterizedTest
    @CsvSource({
        "2023, 2023-01-22, 2023-06-22, 2023-09-29",
        "2024, 2024-02-10, 2024-06-10, 2024-09-17",
        "2025, 2025-01-29, 2025-05-31, 2025-10-06",
        "2026, 2026-02-17, 2026-06-19, 2026-09-25",
        "2027, 2027-02-06, 2027-06-09, 2027-09-15",
        "2028, 2028-01-26, 2028-05-28, 2028-10-03",
        "2030, 2030-02-03, 2030-06-05, 2030-09-12"
    })
    void lunarFestivalsFallOnTheirLunarDates(int year, LocalDate spring, LocalDate dragonBoat, LocalDate midAutumn) {
        assertEquals(spring, ChineseAlmanac.springFestival(year));
        assertEquals(dragonBoat, ChineseAlmanac.lunarDate(year, 5, 5));
        assertEquals(midAutumn, ChineseAlmanac.lunarDate(year, 8, 15));
    }

    @Test
    void from2025TheSpringFestivalStartsOnNewYearsEveAndLabourDayHasTwoDays() {
        List<LocalDate> y2027 = dates(2027);
        // 除夕 is the last day of the 12th lunar month, whether the 29th or the 30th: the day before 正月初一
        assertTrue(y2027.containsAll(List.of(
                LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-02-05"),
                LocalDate.parse("2027-02-06"),
                LocalDate.parse("2027-02-07"),
                LocalDate.parse("2027-02-08"),
                LocalDate.parse("2027-04-05"),
                LocalDate.parse("2027-05-01"),
                LocalDate.parse("2027-05-02"),
                LocalDate.parse("2027-06-09"),
                LocalDate.parse("2027-09-15"),
                LocalDate.parse("2027-10-01"),
                LocalDate.parse("2027-10-02"),
                LocalDate.parse("2027-10-03"))));
        assertEquals(13, StatutoryHolidays.of(2027).size());
        // before the 2025 amendment: 初一 to 初三, and one day for Labour Day
        List<LocalDate> y2024 = dates(2024);
        assertFalse(y2024.contains(LocalDate.parse("2024-02-09")));
        assertTrue(y2024.contains(LocalDate.parse("2024-02-12")));
        assertFalse(y2024.contains(LocalDate.parse("2024-05-02")));
        assertEquals(11, StatutoryHolidays.of(2024).size());
    }

    /** The official notice only adds days around the statutory holidays: each of them is off in it. */
    @ParameterizedTest
    @ValueSource(ints = {2023, 2024, 2025, 2026})
    void everyStatutoryHolidayIsOffInTheOfficialNotice(int year) throws Exception {
        Map<LocalDate, Boolean> listed = official(year);
        List<StatutoryHolidays.Holiday> notOff = new ArrayList<>();
        for (StatutoryHolidays.Holiday h : StatutoryHolidays.of(year)) {
            Boolean off = listed.get(h.date());
            boolean weekend =
                    h.date().getDayOfWeek() == DayOfWeek.SATURDAY || h.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!(Boolean.TRUE.equals(off) || (off == null && weekend))) {
                notOff.add(h);
            }
        }
        assertEquals(List.of(), notOff, "statutory holidays that are working days in the " + year + " notice");
    }

    private static List<LocalDate> dates(int year) {
        return StatutoryHolidays.of(year).stream()
                .map(StatutoryHolidays.Holiday::date)
                .toList();
    }

    private static Map<LocalDate, Boolean> official(int year) throws Exception {
        Map<LocalDate, Boolean> days = new HashMap<>();
        try (InputStream in = StatutoryHolidaysTest.class
                .getClassLoader()
                .getResourceAsStream("reference/holidays-cn/" + year + ".json")) {
            for (JsonNode d : new ObjectMapper().readTree(in).path("days")) {
                days.put(
                        LocalDate.parse(d.path("date").asText()),
                        d.path("isOffDay").asBoolean());
            }
        }
        return days;
    }
}
