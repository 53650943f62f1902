package org.openysb.supervision.metrics.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.supervision.metrics.model.Metric;
import org.openysb.supervision.metrics.repository.MetricRepository;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;

/**
 * Keeps the daily aggregates up to date, in the transaction of each change. Attribution: assignment-based counters
 * (assigned, on-time sign-for, response and their decided outcomes, returns) to the day of assignment; reply-based
 * ones (replied, follow-up, ratings) to the day of the reply; due and on-time completion to the day of the deadline;
 * received, dispatch, closure and reopen to the day the complaint was received.
 */
@ApplicationScoped
public class MetricsRecorder {
    public static final String NONE = "-";

    private final MetricRepository metrics;
    private final EntityManager entityManager;

    public MetricsRecorder(MetricRepository metrics, EntityManager entityManager) {
        this.metrics = metrics;
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ComplaintSubmitted complaint) {
        int inserted = entityManager
                .createNativeQuery("insert into received_case (case_number, received_at, channel, type)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, complaint.caseNumber())
                .setParameter(2, complaint.receivedAt())
                .setParameter(3, complaint.channel())
                .setParameter(4, complaint.type())
                .executeUpdate();
        if (inserted == 1) {
            countReceived(complaint);
        }
    }

    /** Counts a complaint as received, once: the caller has just recorded its receipt (received_case). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countReceived(ComplaintSubmitted complaint) {
        String district = district(complaint.district());
        LocalDate day = day(complaint.receivedAt());
        metrics.increment(day, NONE, complaint.channel(), NONE, complaint.type(), district, Metric.RECEIVED, 1);
        if (complaint.repeatOf() != null) {
            metrics.increment(day, NONE, complaint.channel(), NONE, complaint.type(), district, Metric.REPEATS, 1);
        }
    }

    /**
     * Sums the increments of the current transaction in memory until {@link #writeBatch()} (a consumer's batch: each
     * aggregate row is then updated once per batch instead of once per event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beginBatch() {
        metrics.beginBatch();
    }

    /** Writes the sums of {@link #beginBatch()}; before the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeBatch() {
        metrics.writeBatch();
    }

    /** First dispatch: counts towards the dispatch rate when within {@code limit} of receipt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(WorkItem item, OffsetDateTime dispatchLimit) {
        dispatched(item, receivedAt(item.caseNumber), dispatchLimit);
    }

    /** {@link #dispatched(WorkItem, OffsetDateTime)} when the time of receipt is already known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(WorkItem item, OffsetDateTime receivedAt, OffsetDateTime dispatchLimit) {
        if (receivedAt != null && dispatchLimit != null && !item.assignedAt.isAfter(dispatchLimit)) {
            metrics.increment(
                    day(receivedAt),
                    NONE,
                    item.channel,
                    NONE,
                    item.type,
                    district(item.district),
                    Metric.DISPATCHED_ON_TIME,
                    1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(WorkItem item, Metric metric, OffsetDateTime attributedTo) {
        increment(attributedTo, item.leadUnit, item, metric);
    }

    /** A counter against a given unit (e.g. the unit that returned a case improperly). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(OffsetDateTime at, String unit, WorkItem item, Metric metric) {
        metrics.increment(day(at), unit, item.channel, item.category, item.type, district(item.district), metric, 1);
    }

    /** Closure and reopen count on the day the complaint was received (or assigned, when receipt is unknown). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countOnReceipt(WorkItem item, Metric metric) {
        OffsetDateTime receivedAt = receivedAt(item.caseNumber);
        count(item, metric, receivedAt != null ? receivedAt : item.assignedAt);
    }

    /** A case falls due (replied, or found overdue) once per deadline; counted on the deadline's day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void due(WorkItem item, boolean completedOnTime) {
        if (item.dueCounted) {
            return;
        }
        item.dueCounted = true;
        count(item, Metric.DUE, item.handlingDeadline);
        if (completedOnTime) {
            count(item, Metric.COMPLETED_ON_TIME, item.handlingDeadline);
        }
    }

    /**
     * The sign-for outcome of the current assignment is decided (signed, or the deadline passed unsigned, or the
     * case leaves the unit): counted once per assignment, on the day of assignment. The flag is claimed by a
     * conditional update, so a handler signing and the sweep deciding at the same moment count it once (the second
     * waits for the first's row lock and then finds it decided).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signDecided(WorkItem item, boolean onTime) {
        if (claim(item, "sign_decided")) {
            count(item, Metric.SIGN_DECIDED, item.assignedAt);
            if (onTime) {
                count(item, Metric.SIGNED_ON_TIME, item.assignedAt);
            }
        }
    }

    /** The response outcome (signed and contacted within limit) of the current assignment is decided; once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void responseDecided(WorkItem item, boolean onTime) {
        if (claim(item, "response_decided")) {
            count(item, Metric.RESPONSE_DECIDED, item.assignedAt);
            if (onTime) {
                count(item, Metric.RESPONDED_ON_TIME, item.assignedAt);
            }
        }
    }

    /**
     * The case leaves its unit (rerouted): what the unit had not done by then is decided as not done in time, and
     * the next assignment starts undecided. Call before the item takes its new unit and clocks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void leaving(WorkItem item) {
        signDecided(item, false);
        responseDecided(item, false);
        entityManager
                .createNativeQuery("update work_item set sign_decided = false, response_decided = false"
                        + " where case_number = ?1")
                .setParameter(1, item.caseNumber)
                .executeUpdate();
    }

    private boolean claim(WorkItem item, String flag) {
        return entityManager
                        .createNativeQuery(
                                "update work_item set " + flag + " = true where case_number = ?1 and not " + flag)
                        .setParameter(1, item.caseNumber)
                        .executeUpdate()
                == 1;
    }

    public OffsetDateTime receivedAt(String caseNumber) {
        List<?> rows = entityManager
                .createNativeQuery("select received_at from received_case where case_number = ?1", OffsetDateTime.class)
                .setParameter(1, caseNumber)
                .getResultList();
        return rows.isEmpty() ? null : (OffsetDateTime) rows.get(0);
    }

    /** The type the complaint had when it was received, or null when its receipt was not seen. */
    public String receivedType(String caseNumber) {
        List<?> rows = entityManager
                .createNativeQuery("select type from received_case where case_number = ?1", String.class)
                .setParameter(1, caseNumber)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private static String district(String district) {
        return district == null || district.isBlank() ? NONE : district;
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
    }
}
