package org.openysb.supervision.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.DeadlineRecomputed;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;

/**
 * After a calendar change (a year's notice loaded or withdrawn, a one-off day added): recomputes the clocks of the
 * cases not closed (reopened and urgent cases keep theirs: a reopen deadline is set by hand, urgent ones run on the
 * clock), and puts on each case's trail what changed: a deadline that moved, or one that stays but is no longer (or
 * now) provisional. A handling deadline that moved or changed its mark is announced ({@link DeadlineRecomputed}, in
 * the same transaction): the complainant's tracking shows it.
 */
@ApplicationScoped
public class DeadlineRecomputation implements CalendarService.RecomputeDeadlines {
    private static final String PROVISIONAL = "（暂定）";

    private final WorkItemRepository workItems;
    private final TimeLimits limits;
    private final TrailService trail;
    private final Outbox outbox;

    public DeadlineRecomputation(WorkItemRepository workItems, TimeLimits limits, TrailService trail, Outbox outbox) {
        this.workItems = workItems;
        this.limits = limits;
        this.trail = trail;
        this.outbox = outbox;
    }

    /** @return how many cases got a new deadline or lost (or gained) the provisional mark */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int recompute(WorkingCalendar before, WorkingCalendar calendar, CalendarService.Cause cause, String actor) {
        int changed = 0;
        for (WorkItem item : workItems.list("status <> ?1", WorkItem.Status.CLOSED)) {
            if (item.reopenCount > 0 || item.urgent) {
                continue;
            }
            OffsetDateTime handlingBefore = item.handlingDeadline;
            OffsetDateTime signBefore = item.signForDeadline;
            boolean wasProvisional = before != null && before.isProvisional(handlingBefore);
            OffsetDateTime assignedAt = item.assignedAt;
            item.signForDeadline = calendar.addWorkingDays(assignedAt, limits.signForWorkingDays());
            item.firstContactDeadline = calendar.addWorkingDays(assignedAt, limits.firstContactWorkingDays());
            item.returnDeadline = calendar.addWorkingDays(assignedAt, limits.returnWindowWorkingDays());
            OffsetDateTime handling = calendar.addWorkingDays(
                    assignedAt, limits.handlingWorkingDays().getOrDefault(item.type, 15));
            if (item.extensionState == WorkItem.Extension.APPROVED && item.extensionDays != null) {
                item.originalHandlingDeadline = handling;
                handling = calendar.addWorkingDays(handling, item.extensionDays);
            }
            item.handlingDeadline = handling;
            boolean provisional = calendar.isProvisional(handling);
            boolean moved = !handlingBefore.isEqual(handling) || !signBefore.isEqual(item.signForDeadline);
            if (!moved && wasProvisional == provisional) {
                continue;
            }
            changed++;
            item.updatedAt = OffsetDateTime.now();
            item.nextReminderAt = item.updatedAt;
            String detail = !handlingBefore.isEqual(handling)
                    ? "办理期限 " + TrailText.time(handlingBefore) + (wasProvisional ? PROVISIONAL : "") + " → "
                            + TrailText.time(handling) + (provisional ? PROVISIONAL : "")
                    : wasProvisional != provisional
                            ? "办理期限 " + TrailText.time(handling) + (provisional ? " 不变，改为暂定" : " 不变，不再暂定")
                            : "签收期限 " + TrailText.time(signBefore) + " → " + TrailText.time(item.signForDeadline);
            trail.append(
                    item.caseNumber,
                    item.updatedAt,
                    actor,
                    "deadline-recomputed",
                    item.status.name(),
                    item.status.name(),
                    cause.text() + "：" + detail);
            if (!handlingBefore.isEqual(handling) || wasProvisional != provisional) {
                outbox.append(
                        EventType.DEADLINE_RECOMPUTED,
                        item.caseNumber,
                        new DeadlineRecomputed(
                                item.caseNumber,
                                new UnitRef(item.leadUnit, item.leadName),
                                handlingBefore,
                                handling,
                                provisional,
                                cause.reason(),
                                cause.year(),
                                cause.version(),
                                item.updatedAt));
            }
        }
        return changed;
    }
}
