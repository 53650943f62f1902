package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.openysb.supervision.model.WorkingCalendar;

/** How the trail words what happened: Beijing time to the minute, codes in Chinese, as people read it. */
public final class TrailText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("PHONE", "电话"),
            Map.entry("SMS", "短信"),
            Map.entry("EMAIL", "电子邮件"),
            Map.entry("VISIT", "上门走访"),
            Map.entry("OTHER", "其他方式"),
            Map.entry("RESOLVED", "已解决"),
            Map.entry("EXPLAINED", "解释说明"),
            Map.entry("PARTIALLY_RESOLVED", "部分解决"),
            Map.entry("NOT_ACCEPTED", "不予受理"));

    private TrailText() {}

    /** e.g. 2026-12-09 23:59 (Beijing time). */
    public static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(WorkingCalendar.CHINA).format(MINUTE);
    }

    /** A contact method or result code in Chinese; an unknown code as it is. */
    public static String word(String code) {
        return code == null ? "" : WORDS.getOrDefault(code, code);
    }
}
