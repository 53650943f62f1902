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
}
