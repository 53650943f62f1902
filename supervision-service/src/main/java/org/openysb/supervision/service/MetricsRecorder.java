package org.openysb.supervision.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.supervision.model.Metric;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.MetricRepository;

/**
 * Keeps the daily aggregates up to date, in the transaction of each change. Attribution: assignment-based counters
 * (assigned, on-time sign-for, response, returns) to the day of assignment; reply-based ones (replied, follow-up,
 * ratings) to the day of the reply; due and on-time completion to the day of the deadline; received, dispatch,
 * closure and reopen to the day the complaint was received.
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
            metrics.increment(
                    day(complaint.receivedAt()), NONE, complaint.channel(), NONE, complaint.type(), Metric.RECEIVED, 1);
            if (complaint.repeatOf() != null) {
                metrics.increment(
                        day(complaint.receivedAt()),
                        NONE,
                        complaint.channel(),
                        NONE,
                        complaint.type(),
                        Metric.REPEATS,
                        1);
            }
        }
    }

    /** First dispatch: counts towards the dispatch rate when within {@code limit} of receipt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(WorkItem item, OffsetDateTime dispatchLimit) {
        OffsetDateTime receivedAt = receivedAt(item.caseNumber);
        if (receivedAt != null && dispatchLimit != null && !item.assignedAt.isAfter(dispatchLimit)) {
            metrics.increment(day(receivedAt), NONE, item.channel, NONE, item.type, Metric.DISPATCHED_ON_TIME, 1);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(WorkItem item, Metric metric, OffsetDateTime attributedTo) {
        metrics.increment(day(attributedTo), item.leadUnit, item.channel, item.category, item.type, metric, 1);
    }

    /** A counter against a given unit (e.g. the unit that returned a case improperly). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(OffsetDateTime at, String unit, WorkItem item, Metric metric) {
        metrics.increment(day(at), unit, item.channel, item.category, item.type, metric, 1);
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

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(WorkingCalendar.CHINA).toLocalDate();
    }
}
