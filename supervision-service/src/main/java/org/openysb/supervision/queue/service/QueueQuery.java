package org.openysb.supervision.queue.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.openysb.problem.DomainException;

/**
 * One page of a queue: the tab, the filters, the order and the page.
 *
 * @param units the viewer's units; empty with {@code allUnits} for an overseer
 * @param unit an overseer's choice of one lead unit, or null
 * @param role LEAD (主办), CO (协办) or null for both
 * @param sort deadline, -deadline, assigned or -assigned
 */
public record QueueQuery(
        List<String> units,
        boolean allUnits,
        String unit,
        Tab tab,
        String q,
        String type,
        String category,
        String channel,
        Boolean urgent,
        String role,
        LocalDate deadlineFrom,
        LocalDate deadlineTo,
        String sort,
        int page,
        int size) {
    private static final Set<String> SORTS = Set.of("deadline", "-deadline", "assigned", "-assigned");
    private static final Set<String> ROLES = Set.of("LEAD", "CO");

    /** 待签收, 办理中, 已超期, 退回/争议, 重办, 已办结. */
    public enum Tab {
        TO_SIGN,
        IN_PROGRESS,
        OVERDUE,
        RETURNED,
        REOPENED,
        CLOSED
    }

    public QueueQuery {
        if (!SORTS.contains(sort)) {
            throw DomainException.invalidField("sort", sort, "排序方式无效", "sort must be one of " + SORTS);
        }
        if (role != null && !ROLES.contains(role)) {
            throw DomainException.invalidField("role", role, "角色须为主办（LEAD）或协办（CO）", "role must be LEAD or CO");
        }
        if (deadlineFrom != null && deadlineTo != null && deadlineTo.isBefore(deadlineFrom)) {
            throw DomainException.invalidField(
                    "deadlineTo", deadlineTo, "截止日期不能早于开始日期", "deadlineTo must not be before deadlineFrom");
        }
    }

    public static Tab tab(String value) {
        if (value == null || value.isBlank()) {
            return Tab.TO_SIGN;
        }
        try {
            return Tab.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(
                    "tab",
                    value,
                    "队列标签无效",
                    "tab must be one of TO_SIGN, IN_PROGRESS, OVERDUE, RETURNED, REOPENED, CLOSED");
        }
    }
}
