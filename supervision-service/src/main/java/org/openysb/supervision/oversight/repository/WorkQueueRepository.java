package org.openysb.supervision.oversight.repository;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.openysb.supervision.repository.SqlTime;

/**
 * The supervisor's work queues in SQL: pending extension and suspension requests, the overdue board and the
 * dissatisfied follow-ups. Who asked for an extension, the document numbers of notices and orders and the
 * complainant's comment are read from the case trail, where the actions recorded them.
 */
@ApplicationScoped
public class WorkQueueRepository {
    /** Open, not suspended, past the handling deadline: the escalation sweep's definition of overdue. */
    private static final String OVERDUE =
            "w.status in ('ASSIGNED', 'SIGNED') and not w.suspended and w.handling_deadline < :now";

    private static final String HAS_ORDER = escalation("e.level = 'ORDER'");
    private static final String HAS_NOTICE = escalation("e.level = 'NOTICE'");
    private static final String HAS_REMINDER = escalation("e.level like 'R%'");

    /** The highest escalation issued for the case's current handling deadline. */
    private static final String LEVEL = "case when " + HAS_ORDER + " then 'ORDER' when " + HAS_NOTICE
            + " then 'NOTICE' when " + HAS_REMINDER + " then 'REMINDER' else 'NONE' end";

    private static final String CASE_COLUMNS = "w.case_number, c.title, w.lead_unit, w.lead_name, w.type, w.urgent,"
            + " w.category, w.status, w.assigned_at, w.handling_deadline, w.reopen_count";

    private final EntityManager em;

    public WorkQueueRepository(EntityManager em) {
        this.em = em;
    }

    private static String escalation(String condition) {
        return "exists (select 1 from escalation e where e.case_number = w.case_number and e.clock = 'HANDLING'"
                + " and e.deadline = w.handling_deadline and " + condition + ")";
    }

    /** A pending request with its case. */
    public record RequestRow(
            String caseNumber,
            String title,
            String leadUnit,
            String leadName,
            String type,
            boolean urgent,
            String category,
            String status,
            OffsetDateTime assignedAt,
            OffsetDateTime handlingDeadline,
            int reopenCount,
            int workingDays,
            String reason,
            String basis,
            String requestedBy,
            OffsetDateTime requestedAt) {}

    /** Extensions awaiting a decision, oldest request first. */
    public List<RequestRow> pendingExtensions(int limit) {
        return requests(em.createNativeQuery("select " + CASE_COLUMNS + ", coalesce(w.extension_days, 0),"
                + " w.extension_reason, w.extension_basis, t.actor, t.occurred_at"
                + " from work_item w left join case_complaint c on c.case_number = w.case_number"
                + " left join lateral (select t.actor, t.occurred_at from trail_entry t"
                + " where t.case_number = w.case_number and t.action = 'extension-request'"
                + " order by t.seq desc limit 1) t on true"
                + " where w.extension_state = 'REQUESTED'"
                + " order by t.occurred_at nulls first, w.case_number limit " + limit));
    }

    public long pendingExtensionCount() {
        return count(em.createNativeQuery("select count(*) from work_item where extension_state = 'REQUESTED'"));
    }

    /** Suspensions awaiting a decision, oldest request first. */
    public List<RequestRow> pendingSuspensions(int limit) {
        return requests(em.createNativeQuery("select " + CASE_COLUMNS + ", s.working_days, s.reason, s.basis,"
                + " s.requested_by, s.requested_at"
                + " from case_suspension s join work_item w on w.case_number = s.case_number"
                + " left join case_complaint c on c.case_number = w.case_number"
                + " where s.state = 'REQUESTED' order by s.requested_at, s.id limit " + limit));
    }

    public long pendingSuspensionCount() {
        return count(em.createNativeQuery("select count(*) from case_suspension where state = 'REQUESTED'"));
    }

    /** An overdue case of the board; {@code level} as {@link #LEVEL}. */
    public record OverdueRow(
            String caseNumber,
            String title,
            String leadUnit,
            String leadName,
            String type,
            boolean urgent,
            String category,
            String status,
            OffsetDateTime assignedAt,
            OffsetDateTime handlingDeadline,
            int reopenCount,
            String extensionState,
            String level) {}

    /** One page of overdue cases, the earliest deadline (the most overdue) first. */
    public List<OverdueRow> overdue(OffsetDateTime now, String unit, String level, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery("select " + CASE_COLUMNS + ", w.extension_state, " + LEVEL
                + " from work_item w left join case_complaint c on c.case_number = w.case_number where "
                + overdueWhere(now, unit, level, params) + " order by w.handling_deadline, w.case_number limit " + size
                + " offset " + ((long) page * size));
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream()
                .map(r -> new OverdueRow(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (Boolean) r[5],
                        (String) r[6],
                        (String) r[7],
                        SqlTime.of(r[8]),
                        SqlTime.of(r[9]),
                        ((Number) r[10]).intValue(),
                        (String) r[11],
                        (String) r[12]))
                .toList();
    }

    public long overdueCount(OffsetDateTime now, String unit, String level) {
        Map<String, Object> params = new HashMap<>();
        Query q = em.createNativeQuery(
                "select count(*) from work_item w where " + overdueWhere(now, unit, level, params));
        params.forEach(q::setParameter);
        return count(q);
    }

    /** Every unit with overdue cases: unit, name, overdue, with a notice, with an order; most overdue first. */
    public List<Object[]> overdueByUnit(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select w.lead_unit, max(w.lead_name), count(*),"
                        + " count(*) filter (where " + HAS_NOTICE + "), count(*) filter (where " + HAS_ORDER + ")"
                        + " from work_item w where " + OVERDUE + " group by w.lead_unit"
                        + " order by count(*) desc, w.lead_unit")
                .setParameter("now", now)
                .getResultList();
        return rows;
    }

    private static String overdueWhere(OffsetDateTime now, String unit, String level, Map<String, Object> params) {
        params.put("now", now);
        StringBuilder where = new StringBuilder(OVERDUE);
        if (unit != null) {
            where.append(" and w.lead_unit = :unit");
            params.put("unit", unit);
        }
        if (level != null) {
            where.append(" and (").append(LEVEL).append(") = :level");
            params.put("level", level);
        }
        return where.toString();
    }

    /**
     * Everything issued for these cases, in the order issued: case number, clock, level, deadline, issued at, and for
     * a notice or an order the trail entry's text that names its number.
     */
    public List<Object[]> escalations(List<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.case_number, e.clock, e.level, e.deadline, e.issued_at,"
                        + " (select t.detail from trail_entry t where t.case_number = e.case_number"
                        + " and t.action = case e.level when 'NOTICE' then 'reminder-notice'"
                        + " when 'ORDER' then 'supervision-order' end"
                        + " and t.occurred_at between e.issued_at - interval '1 second'"
                        + " and e.issued_at + interval '1 second' order by t.seq desc limit 1)"
                        + " from escalation e where e.case_number in (:cases) order by e.issued_at, e.level")
                .setParameter("cases", caseNumbers)
                .getResultList();
        return rows;
    }

    /** A dissatisfied case; {@code followUpDetail} is the follow-up's trail text (rating, solved; comment). */
    public record DissatisfiedRow(
            String caseNumber,
            String title,
            String leadUnit,
            String leadName,
            String type,
            String category,
            OffsetDateTime repliedAt,
            String replyResult,
            String replyText,
            String rating,
            Boolean solved,
            OffsetDateTime followedUpAt,
            String followedUpBy,
            int reopenCount,
            String followUpDetail) {}

    private static final String DISSATISFIED = "w.status = 'REPLIED' and w.followed_up_at is not null"
            + " and (w.rating = 'DISSATISFIED' or w.solved = false)";

    /** Rated dissatisfied (or unsolved), neither reopened nor closed; the longest waiting first. */
    public List<DissatisfiedRow> dissatisfied(String unit, int page, int size) {
        Query q = em.createNativeQuery("select w.case_number, c.title, w.lead_unit, w.lead_name, w.type, w.category,"
                + " w.replied_at, w.reply_result, w.reply_text, w.rating, w.solved, w.followed_up_at,"
                + " w.followed_up_by, w.reopen_count,"
                + " (select t.detail from trail_entry t where t.case_number = w.case_number and t.action = 'follow-up'"
                + " order by t.seq desc limit 1)"
                + " from work_item w left join case_complaint c on c.case_number = w.case_number where "
                + DISSATISFIED + (unit == null ? "" : " and w.lead_unit = :unit")
                + " order by w.followed_up_at, w.case_number limit " + size + " offset " + ((long) page * size));
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream()
                .map(r -> new DissatisfiedRow(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        SqlTime.of(r[6]),
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        (Boolean) r[10],
                        SqlTime.of(r[11]),
                        (String) r[12],
                        ((Number) r[13]).intValue(),
                        (String) r[14]))
                .toList();
    }

    public long dissatisfiedCount(String unit) {
        Query q = em.createNativeQuery("select count(*) from work_item w where " + DISSATISFIED
                + (unit == null ? "" : " and w.lead_unit = :unit"));
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        return count(q);
    }

    private static List<RequestRow> requests(Query q) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream()
                .map(r -> new RequestRow(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (Boolean) r[5],
                        (String) r[6],
                        (String) r[7],
                        SqlTime.of(r[8]),
                        SqlTime.of(r[9]),
                        ((Number) r[10]).intValue(),
                        ((Number) r[11]).intValue(),
                        (String) r[12],
                        (String) r[13],
                        (String) r[14],
                        SqlTime.of(r[15])))
                .toList();
    }

    private static long count(Query q) {
        return ((Number) q.getSingleResult()).longValue();
    }
}
