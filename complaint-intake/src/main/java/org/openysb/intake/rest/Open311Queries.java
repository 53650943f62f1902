package org.openysb.intake.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.rest.Open311Documents.Open311Error;
import org.openysb.intake.service.ComplaintService;
import org.openysb.intake.service.Open311Service;

/**
 * The query of Get Service Requests (GeoReport v2 {@code GET requests}) read and checked: {@code service_request_id}
 * (a comma-separated list; it overrides every other filter), {@code service_code} (one or several, comma-separated),
 * {@code start_date} and {@code end_date} (W3C date-times; without an offset, Beijing time; a bare date is its start
 * of day), {@code status} ({@code open}, {@code closed} or both), and the paging extension {@code page} (from 1) and
 * {@code page_size}. Without dates the window is the last 90 days ({@code intake.open311.window}); one date alone
 * spans 90 days from or to it; a window may not be wider. Every refusal is an {@link Open311Error} (400).
 */
@ApplicationScoped
class Open311Queries {
    /** Most ids one GET of several requests may name. */
    static final int MAX_IDS = 50;
    /** A case number: TS, the day, a four-digit counter. Anything else is no request, whatever it holds. */
    static final Pattern CASE_NUMBER = Pattern.compile("^TS[0-9]{12}$");

    private final Open311Service open311;
    private final IntakeConfig.Open311 config;
    private final Clock clock = Clock.systemUTC();

    Open311Queries(Open311Service open311, IntakeConfig config) {
        this.open311 = open311;
        this.config = config.open311();
    }

    /** The ids of {@code service_request_id}, distinct, in the order given. */
    List<String> ids(String list) {
        List<String> ids = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            throw new Open311Error(400, "service_request_id names no request");
        }
        if (ids.size() > MAX_IDS) {
            throw new Open311Error(400, "at most " + MAX_IDS + " service_request_id values per request");
        }
        return ids;
    }

    Open311Service.RequestQuery query(
            String serviceCode, String startDate, String endDate, String status, String page, String pageSize) {
        OffsetDateTime start = date("start_date", startDate);
        OffsetDateTime end = date("end_date", endDate);
        Duration window = config.window();
        if (start == null && end == null) {
            end = OffsetDateTime.now(clock);
            start = end.minus(window);
        } else if (start == null) {
            start = end.minus(window);
        } else if (end == null) {
            end = start.plus(window);
        }
        if (!start.isBefore(end)) {
            throw new Open311Error(400, "start_date must be before end_date");
        }
        if (Duration.between(start, end).compareTo(window) > 0) {
            throw new Open311Error(400, "start_date and end_date may span at most " + window.toDays() + " days");
        }
        int size = number("page_size", pageSize, config.maxPageSize());
        if (size > config.maxPageSize()) {
            throw new Open311Error(400, "page_size is at most " + config.maxPageSize());
        }
        int pageNumber = number("page", page, 1);
        if ((long) pageNumber * size > 1_000_000) {
            throw new Open311Error(400, "page is too far: narrow the dates instead");
        }
        return new Open311Service.RequestQuery(start, end, services(serviceCode), closed(status), pageNumber, size);
    }

    private Set<String> services(String list) {
        Set<String> codes = new LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            return codes;
        }
        for (String code : list.split(",")) {
            String c = code.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (open311.service(c).isEmpty()) {
                throw new Open311Error(400, "service_code not found: " + abbreviate(c));
            }
            codes.add(c);
        }
        return codes;
    }

    /** true for closed only, false for open only, null for both. */
    private static Boolean closed(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : status.toLowerCase(Locale.ROOT).split(",")) {
            String value = s.strip();
            if (!value.equals("open") && !value.equals("closed")) {
                throw new Open311Error(400, "status is open or closed: " + abbreviate(s));
            }
            wanted.add(value);
        }
        return wanted.size() == 2 ? null : wanted.contains("closed");
    }

    /** A W3C date-time; without an offset Beijing time; a bare date (yyyy-MM-dd) is the start of that day there. */
    static OffsetDateTime date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .atStartOfDay(ComplaintService.CHINA)
                        .toOffsetDateTime();
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(ComplaintService.CHINA).toOffsetDateTime();
            }
        } catch (DateTimeParseException e) {
            throw new Open311Error(
                    400, name + " is not a W3C date-time such as 2026-12-01T00:00:00+08:00: " + abbreviate(text));
        }
    }

    private static int number(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Open311Error(400, name + " must be a whole number from 1: " + abbreviate(value));
    }

    /** A value quoted back in a description: at most 40 characters, control characters left out. */
    static String abbreviate(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
