package org.openysb.supervision.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The statutory holidays (法定节假日) of 《全国年节及纪念日放假办法》 for one year, as the provisional calendar of a year
 * whose State Council notice is not loaded yet: the days off by law, without the days the notice adds around them
 * and without make-up working days (调休), which only a notice sets.
 *
 * <p>Rules by year: from 2025 (amendment of 2024-11-10) New Year's Day 1, Spring Festival 4 (除夕 and 正月初一 to 初三),
 * Qingming 1, Labour Day 2 (May 1–2), Dragon Boat 1, Mid-Autumn 1, National Day 3; 2014–2024 (amendment of
 * 2013-12-11) Spring Festival 初一 to 初三 and Labour Day 1; 2008–2013 Spring Festival 除夕, 初一 and 初二.
 */
public final class StatutoryHolidays {
    /** One statutory holiday. */
    public record Holiday(LocalDate date, String name) {}

    private static final Map<Integer, List<Holiday>> CACHE = new ConcurrentHashMap<>();
    private static final Map<Integer, Map<LocalDate, String>> BY_DATE = new ConcurrentHashMap<>();

    private StatutoryHolidays() {}

    /** The statutory holidays of {@code year}, in date order. */
    public static List<Holiday> of(int year) {
        return CACHE.computeIfAbsent(year, StatutoryHolidays::derive);
    }

    /** Whether {@code day} is a statutory holiday of its year. */
    public static boolean isHoliday(LocalDate day) {
        return BY_DATE.computeIfAbsent(day.getYear(), y -> of(y).stream()
                        .collect(Collectors.toMap(Holiday::date, Holiday::name, (a, b) -> a)))
                .containsKey(day);
    }

    private static List<Holiday> derive(int year) {
        List<Holiday> days = new ArrayList<>();
        days.add(new Holiday(LocalDate.of(year, 1, 1), "元旦"));
        LocalDate springFestival = ChineseAlmanac.springFestival(year);
        if (year >= 2025) {
            for (int i = -1; i <= 2; i++) {
                days.add(new Holiday(springFestival.plusDays(i), "春节"));
            }
        } else if (year >= 2014) {
            for (int i = 0; i <= 2; i++) {
                days.add(new Holiday(springFestival.plusDays(i), "春节"));
            }
        } else {
            for (int i = -1; i <= 1; i++) {
                days.add(new Holiday(springFestival.plusDays(i), "春节"));
            }
        }
        days.add(new Holiday(ChineseAlmanac.qingming(year), "清明节"));
        days.add(new Holiday(LocalDate.of(year, 5, 1), "劳动节"));
        if (year >= 2025) {
            days.add(new Holiday(LocalDate.of(year, 5, 2), "劳动节"));
        }
        days.add(new Holiday(ChineseAlmanac.lunarDate(year, 5, 5), "端午节"));
        days.add(new Holiday(ChineseAlmanac.lunarDate(year, 8, 15), "中秋节"));
        for (int d = 1; d <= 3; d++) {
            days.add(new Holiday(LocalDate.of(year, 10, d), "国庆节"));
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return Collections.unmodifiableList(days);
    }
}
