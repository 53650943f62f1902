package org.openysb.supervision.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.model.Clue;

@ApplicationScoped
public class ClueRepository implements PanacheRepositoryBase<Clue, String> {
    public boolean existsByDedupeKey(String key) {
        return count("dedupeKey", key) > 0;
    }

    /** The ledger, newest first, filtered by whatever is given. */
    public List<Clue> search(
            Clue.State state,
            String unit,
            String kind,
            String caseNumber,
            OffsetDateTime from,
            OffsetDateTime to,
            int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            where.add("state = :state");
            params.put("state", state);
        }
        if (unit != null) {
            where.add("unitCode = :unit");
            params.put("unit", unit);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind);
        }
        if (caseNumber != null) {
            where.add("caseNumber = :caseNumber");
            params.put("caseNumber", caseNumber);
        }
        if (from != null) {
            where.add("raisedAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("raisedAt < :to");
            params.put("to", to);
        }
        String query = where.isEmpty()
                ? "order by raisedAt desc, id"
                : String.join(" and ", where) + " order by raisedAt desc, id";
        return find(query, params).page(0, limit).list();
    }

    /** One cell of the inaction analytics: clues of a kind raised against a unit in a month (China time). */
    public record MonthCount(String unit, String unitName, String month, String kind, long count) {}

    /** Clues raised in [from, to) counted by unit, month and kind, optionally for one unit. */
    public List<MonthCount> countByUnitMonthKind(OffsetDateTime from, OffsetDateTime to, String unit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select unit_code, max(unit_name),"
                        + " to_char(raised_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, kind, count(*)"
                        + " from clue where raised_at >= ?1 and raised_at < ?2"
                        + " and (cast(?3 as varchar) is null or unit_code = cast(?3 as varchar))"
                        + " group by unit_code, month, kind order by unit_code, month, kind")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, unit)
                .getResultList();
        return rows.stream()
                .map(r -> new MonthCount(
                        (String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue()))
                .toList();
    }
}
