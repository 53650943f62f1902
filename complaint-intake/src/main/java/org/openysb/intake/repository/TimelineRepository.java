package org.openysb.intake.repository;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import org.hibernate.Session;

import org.openysb.intake.model.TimelineEntry;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {
    public List<TimelineEntry> listByCase(String caseNumber) {
        return list("caseNumber = ?1 order by occurredAt, id", caseNumber);
    }

    /** Appends steps in one batched statement (a consumer's poll), in the given order. */
    public void insertAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into timeline_entry (case_number, occurred_at, step,"
                    + " description) values (?, ?, ?, ?)")) {
                for (TimelineEntry e : entries) {
                    ps.setString(1, e.caseNumber);
                    ps.setObject(2, e.occurredAt);
                    ps.setString(3, e.step);
                    ps.setString(4, e.description);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }
}
