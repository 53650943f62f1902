package org.openysb.supervision.queue.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.openysb.supervision.casefile.service.ClockView;

/**
 * One page of a unit's queue with the number of cases under every tab (the tabs' counts ignore the filters, except
 * the role).
 */
public record QueuePage(List<Item> items, int page, int size, long total, Map<String, Long> counts) {

    /**
     * A case in the queue.
     *
     * @param role LEAD (主办) or CO (协办) for the viewer's units
     * @param clock the clock the queue sorts by: sign-for until signed, then handling
     * @param coPartSubmitted for a co-unit's row, whether its part of the reply is in; null for the lead
     */
    public record Item(
            String caseNumber,
            String role,
            String leadUnit,
            String leadName,
            String title,
            String type,
            boolean urgent,
            String category,
            String channel,
            String district,
            String status,
            OffsetDateTime assignedAt,
            int reopenCount,
            boolean suspended,
            boolean dueSoon,
            boolean overdue,
            ClockView clock,
            Boolean coPartSubmitted) {}
}
