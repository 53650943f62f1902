package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The working-day calendar changed (a year's State Council holiday notice loaded or withdrawn, a one-off day added)
 * and supervision-service recomputed the handling deadline of an open case: it moved, or it stays but is no longer (or
 * now) provisional. One event per changed work item, published in the transaction of the recompute.
 *
 * @param unit the lead unit whose handling deadline this is
 * @param previousDeadline the handling deadline before the change
 * @param handlingDeadline the handling deadline now in force
 * @param deadlineProvisional {@code handlingDeadline} rests on the provisional calendar of a year without a holiday
 *     notice (暂定)
 * @param reason {@link #NOTICE_LOADED}, {@link #ONE_OFF_DAY}, {@link #NOTICE_WITHDRAWN} or {@link #BUNDLED_NOTICES}
 * @param calendarYear the year whose calendar changed; absent for the notices bundled with the service (several years
 *     at once, at its start)
 * @param calendarVersion the version of that year's calendar now in force; absent with {@code calendarYear}
 */
public record DeadlineRecomputed(
        String caseNumber,
        UnitRef unit,
        OffsetDateTime previousDeadline,
        OffsetDateTime handlingDeadline,
        boolean deadlineProvisional,
        String reason,
        Integer calendarYear,
        Integer calendarVersion,
        OffsetDateTime recomputedAt) {

    /** An administrator loaded a year's holiday notice (放假安排). */
    public static final String NOTICE_LOADED = "NOTICE_LOADED";

    /** An administrator added a one-off off day or make-up working day to a year. */
    public static final String ONE_OFF_DAY = "ONE_OFF_DAY";

    /** An administrator withdrew a year's notice: the year is provisional again. */
    public static final String NOTICE_WITHDRAWN = "NOTICE_WITHDRAWN";

    /** The service loaded the notices bundled with it at start. */
    public static final String BUNDLED_NOTICES = "BUNDLED_NOTICES";
}
