package org.openysb.supervision.queue.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.queue.service.QueueQuery;
import org.openysb.supervision.repository.SqlTime;

/**
 * The queue's SQL: one indexed query per page and one for the tabs' counts. Cases reach a viewer as lead unit (主办)
 * or co-unit (协办), never when the complaint is about the viewer's own unit.
 */
@ApplicationScoped
public class QueueRepository {
    private static final String OPEN = "w.status in ('ASSIGNED', 'SIGNED')";

    private final EntityManager em;

    public QueueRepository(EntityManager em) {
        this.em = em;
    }

    /** A row of the page, in the order of {@link #COLUMNS}. */
    public record Row(
            String caseNumber,
            String leadUnit,
            String leadName,
            String coUnits,
            String type,
            boolean urgent,
            String category,
            String channel,
            String district,
            String status,
            OffsetDateTime assignedAt,
            OffsetDateTime signForDeadline,
            OffsetDateTime handlingDeadline,
            OffsetDateTime signedAt,
            OffsetDateTime repliedAt,
            int reopenCount,
            boolean suspended,
            OffsetDateTime suspendedAt,
            String title,
            boolean lead,
            boolean coPartSubmitted) {}

    private static final String COLUMNS = "w.case_number, w.lead_unit, w.lead_name, w.co_units, w.type, w.urgent,"
            + " w.category, w.channel, w.district, w.status, w.assigned_at, w.sign_for_deadline, w.handling_deadline,"
            + " w.signed_at, w.replied_at, w.reopen_count, w.suspended, w.suspended_at,"
            + " (select c.title from case_complaint c where c.case_number = w.case_number)";

    public List<Row> page(QueueQuery query, OffsetDateTime now, OffsetDateTime soon) {
        Sql sql = new Sql(query, now, soon);
        String where = sql.visible() + " and " + sql.role() + " and " + sql.tab(query.tab()) + sql.filters();
        String deadline = query.tab() == QueueQuery.Tab.TO_SIGN ? "w.sign_for_deadline" : "w.handling_deadline";
        String order =
                switch (query.sort()) {
                    case "-deadline" -> deadline + " desc";
                    case "assigned" -> "w.assigned_at";
                    case "-assigned" -> "w.assigned_at desc";
                    default -> deadline;
                };
        Query q = em.createNativeQuery("select " + COLUMNS + ", " + sql.isLead() + ", " + sql.coPartSubmitted()
                + " from work_item w where " + where + " order by " + order + ", w.case_number"
                + " limit " + query.size() + " offset " + ((long) query.page() * query.size()));
        sql.bind(q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(QueueRepository::row).toList();
    }

    public long total(QueueQuery query, OffsetDateTime now, OffsetDateTime soon) {
        Sql sql = new Sql(query, now, soon);
        Query q = em.createNativeQuery("select count(*) from work_item w where " + sql.visible() + " and " + sql.role()
                + " and " + sql.tab(query.tab()) + sql.filters());
        sql.bind(q);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The number of cases under each tab, and DUE_SOON (in progress, due within the next two working days). */
    public Map<String, Long> counts(QueueQuery query, OffsetDateTime now, OffsetDateTime soon) {
        Sql sql = new Sql(query, now, soon);
        Map<String, String> tabs = new LinkedHashMap<>();
        for (QueueQuery.Tab tab : QueueQuery.Tab.values()) {
            tabs.put(tab.name(), sql.tab(tab));
        }
        tabs.put(
                "DUE_SOON",
                sql.tab(QueueQuery.Tab.IN_PROGRESS) + " and not w.suspended and w.handling_deadline < :soon");
        StringBuilder select = new StringBuilder("select ");
        tabs.values()
                .forEach(p -> select.append("count(*) filter (where ").append(p).append("),"));
        select.setLength(select.length() - 1);
        Query q = em.createNativeQuery(select + " from work_item w where " + sql.visible() + " and " + sql.role());
        sql.bind(q);
        Object[] values = (Object[]) q.getSingleResult();
        Map<String, Long> counts = new LinkedHashMap<>();
        int i = 0;
        for (String tab : tabs.keySet()) {
            counts.put(tab, ((Number) values[i++]).longValue());
        }
        return counts;
    }

    /** Replied, not yet rated, still within the follow-up window: the hotline's phone follow-ups. */
    public List<Object[]> followUpsDue(OffsetDateTime now, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select w.case_number, c.title, w.lead_name, w.replied_at,"
                        + " w.reply_result, w.reply_text, w.follow_up_deadline, c.masked_mobile,"
                        + " coalesce(c.contactable, true)"
                        + " from work_item w left join case_complaint c on c.case_number = w.case_number"
                        + " where w.status = 'REPLIED' and w.followed_up_at is null and w.follow_up_deadline > :now"
                        + " order by w.follow_up_deadline, w.case_number limit " + size + " offset "
                        + ((long) page * size))
                .setParameter("now", now)
                .getResultList();
        return rows;
    }

    public long followUpsDueCount(OffsetDateTime now) {
        return ((Number) em.createNativeQuery("select count(*) from work_item w where w.status = 'REPLIED'"
                                + " and w.followed_up_at is null and w.follow_up_deadline > :now")
                        .setParameter("now", now)
                        .getSingleResult())
                .longValue();
    }

    /** The WHERE clause's parts for one query, and its parameters. */
    private static final class Sql {
        private final QueueQuery query;
        private final Map<String, Object> params = new HashMap<>();

        Sql(QueueQuery query, OffsetDateTime now, OffsetDateTime soon) {
            this.query = query;
            params.put("now", now);
            params.put("soon", soon);
            if (!query.allUnits()) {
                params.put("units", query.units());
                params.put("unitsCsv", String.join(";", query.units()));
            }
        }

        private String co() {
            return "(w.co_units <> '' and string_to_array(w.co_units, ';') && string_to_array(:unitsCsv, ';'))";
        }

        String isLead() {
            return query.allUnits() ? "true" : "w.lead_unit in (:units)";
        }

        String coPartSubmitted() {
            return query.allUnits()
                    ? "false"
                    : "exists (select 1 from co_unit_part p where p.case_number = w.case_number and p.unit_code in (:units))";
        }

        String visible() {
            if (query.allUnits()) {
                if (query.unit() == null) {
                    return "true";
                }
                params.put("unit", query.unit());
                return "w.lead_unit = :unit";
            }
            return "(w.lead_unit in (:units) or " + co() + ") and not exists (select 1 from case_complaint a"
                    + " where a.case_number = w.case_number and a.accused_unit in (:units))";
        }

        String role() {
            if (query.role() == null || query.allUnits()) {
                return "true";
            }
            return "LEAD".equals(query.role())
                    ? "w.lead_unit in (:units)"
                    : "(w.lead_unit not in (:units) and " + co() + ")";
        }

        String tab(QueueQuery.Tab tab) {
            return switch (tab) {
                case TO_SIGN -> "(w.status = 'ASSIGNED' and " + isLead() + ")";
                case IN_PROGRESS -> "((w.status = 'SIGNED' or (w.status = 'ASSIGNED' and not " + isLead() + "))"
                        + " and (w.suspended or w.handling_deadline >= :now))";
                case OVERDUE -> "(" + OPEN + " and not w.suspended and w.handling_deadline < :now)";
                case RETURNED -> "(w.status = 'RETURN_REQUESTED')";
                case REOPENED -> "(w.reopen_count > 0 and " + OPEN + ")";
                case CLOSED -> "(w.status in ('REPLIED', 'CLOSED'))";
            };
        }

        String filters() {
            StringBuilder f = new StringBuilder();
            if (query.q() != null && !query.q().isBlank()) {
                f.append(" and w.case_number like :q escape '\\'");
                params.put(
                        "q",
                        "%"
                                + query.q()
                                        .trim()
                                        .toUpperCase()
                                        .replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_")
                                + "%");
            }
            eq(f, "type", query.type());
            eq(f, "category", query.category());
            eq(f, "channel", query.channel());
            if (query.urgent() != null) {
                f.append(" and w.urgent = :urgent");
                params.put("urgent", query.urgent());
            }
            String deadline = query.tab() == QueueQuery.Tab.TO_SIGN ? "w.sign_for_deadline" : "w.handling_deadline";
            if (query.deadlineFrom() != null) {
                f.append(" and ").append(deadline).append(" >= :deadlineFrom");
                params.put("deadlineFrom", startOf(query.deadlineFrom()));
            }
            if (query.deadlineTo() != null) {
                f.append(" and ").append(deadline).append(" < :deadlineTo");
                params.put("deadlineTo", startOf(query.deadlineTo().plusDays(1)));
            }
            return f.toString();
        }

        private void eq(StringBuilder f, String column, String value) {
            if (value != null && !value.isBlank()) {
                f.append(" and w.").append(column).append(" = :").append(column);
                params.put(column, value);
            }
        }

        void bind(Query q) {
            params.forEach((name, value) -> {
                if (q.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                    q.setParameter(name, value);
                }
            });
        }

        private static OffsetDateTime startOf(LocalDate day) {
            return day.atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime();
        }
    }

    private static Row row(Object[] r) {
        return new Row(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (Boolean) r[5],
                (String) r[6],
                (String) r[7],
                (String) r[8],
                (String) r[9],
                SqlTime.of(r[10]),
                SqlTime.of(r[11]),
                SqlTime.of(r[12]),
                SqlTime.of(r[13]),
                SqlTime.of(r[14]),
                ((Number) r[15]).intValue(),
                (Boolean) r[16],
                SqlTime.of(r[17]),
                (String) r[18],
                (Boolean) r[19],
                (Boolean) r[20]);
    }
}
