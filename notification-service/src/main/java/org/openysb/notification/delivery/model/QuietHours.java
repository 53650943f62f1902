package org.openysb.notification.delivery.model;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS at night (by default 22:00 to 08:00 Asia/Shanghai) unless the case is urgent or the message is exempt (the
 * receipt; see DeliveryService#heldBack): a message due in quiet hours goes out when they end.
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end, ZoneId zone) {

    public boolean isQuiet(OffsetDateTime at) {
        if (!enabled) {
            return false;
        }
        LocalTime t = at.atZoneSameInstant(zone).toLocalTime();
        return start.isAfter(end) ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
    }

    /** {@code at} itself when it is not in quiet hours, otherwise the end of these quiet hours. */
    public OffsetDateTime earliestSend(OffsetDateTime at) {
        if (!isQuiet(at)) {
            return at;
        }
        ZonedDateTime local = at.atZoneSameInstant(zone);
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        ZonedDateTime next = local.isBefore(endToday) ? endToday : endToday.plusDays(1);
        return next.toOffsetDateTime();
    }
}
