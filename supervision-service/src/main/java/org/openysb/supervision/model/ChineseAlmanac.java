package org.openysb.supervision.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * Lunar dates and the Qingming solar term, for the provisional calendar. ICU4J's {@link ChineseCalendar} numbers the
 * lunar months (leap months included); the first day of each month (the day, Beijing time, of the new moon) and the
 * instant of a solar term are then fixed with the algorithms of J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.):
 * ch. 49 (true new moon, within seconds) and ch. 25 (apparent solar longitude, within 0.01°). ICU4J's own astronomy
 * is low precision: it puts the new moon of 2027-02-06 23:56 (Beijing) after midnight, and so the Spring Festival of
 * 2027 and of 2030 a day off.
 */
public final class ChineseAlmanac {
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final double SYNODIC_MONTH = 29.530588861;
    /** JDE of the new moon of lunation 0 (2000-01-06), Meeus (49.1). */
    private static final double LUNATION_ZERO = 2451550.09766;
    /** TT − UT in these decades, in days (about 69 s); small against what the dates need. */
    private static final double DELTA_T = 69.0 / 86400;

    private ChineseAlmanac() {}

    /** The Gregorian date of day {@code day} of (non-leap) lunar month {@code month} of the lunar year that starts in
     * Gregorian {@code year}. */
    public static LocalDate lunarDate(int year, int month, int day) {
        ChineseCalendar cc = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        cc.set(Calendar.JULIAN_DAY, (int) LocalDate.of(year, 3, 1).getLong(JulianFields.JULIAN_DAY));
        int extendedYear = cc.get(Calendar.EXTENDED_YEAR);
        cc.clear();
        cc.set(Calendar.EXTENDED_YEAR, extendedYear);
        cc.set(Calendar.MONTH, month - 1);
        cc.set(Calendar.IS_LEAP_MONTH, 0);
        cc.set(Calendar.DAY_OF_MONTH, 1);
        long approximateFirst = cc.get(Calendar.JULIAN_DAY);
        return firstDayOfMonthNear(approximateFirst).plusDays(day - 1L);
    }

    /** 正月初一 of the lunar year that starts in Gregorian {@code year}. */
    public static LocalDate springFestival(int year) {
        return lunarDate(year, 1, 1);
    }

    /** The day (Beijing time) the sun's apparent longitude reaches 15°: 清明. */
    public static LocalDate qingming(int year) {
        return solarTerm(year, 15.0, LocalDate.of(year, 3, 28));
    }

    /** The day (Beijing time) the sun's apparent longitude reaches {@code degrees}, searched from {@code from} on. */
    static LocalDate solarTerm(int year, double degrees, LocalDate from) {
        double lo = julianDay(from);
        double hi = lo + 20;
        while (hi - lo > 1.0 / 1440) { // to the minute
            double mid = (lo + hi) / 2;
            double diff = normalize(apparentSolarLongitude(mid + DELTA_T) - degrees);
            if (diff < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return beijingDate(lo);
    }

    /** The day (Beijing time) of the true new moon nearest to Julian day number {@code approximateJdn}. */
    static LocalDate firstDayOfMonthNear(long approximateJdn) {
        double k = Math.rint((approximateJdn - LUNATION_ZERO) / SYNODIC_MONTH);
        return beijingDate(trueNewMoon(k) - DELTA_T);
    }

    private static LocalDate beijingDate(double julianDayUt) {
        long millis = Math.round((julianDayUt - 2440587.5) * 86_400_000d);
        return Instant.ofEpochMilli(millis).atOffset(BEIJING).toLocalDate();
    }

    private static double julianDay(LocalDate date) {
        return date.getLong(JulianFields.JULIAN_DAY) - 0.5;
    }

    private static double normalize(double degrees) {
        double d = ((degrees % 360) + 360) % 360;
        return d > 180 ? d - 360 : d;
    }

    /** Meeus ch. 25 (low accuracy, 0.01°): the sun's apparent longitude in degrees at Julian ephemeris day jde. */
    static double apparentSolarLongitude(double jde) {
        double t = (jde - 2451545.0) / 36525;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = Math.toRadians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = Math.toRadians(125.04 - 1934.136 * t);
        return l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
    }

    /** Meeus ch. 49: the Julian ephemeris day of the true new moon of lunation k (k = 0: 2000-01-06). */
    static double trueNewMoon(double k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jde = LUNATION_ZERO + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t2 * t2;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp =
                Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t2 * t2);
        double f =
                Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t2 * t2);
        double o = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double correction = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(o)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        return jde + correction;
    }
}
