package org.openysb.routing.classification.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;

/**
 * Writes a whole batch of routed cases in a few JDBC round trips (batched statements) instead of several per case.
 * The insert of a case row is the guard against routing a case twice: {@code on conflict do nothing} waits for a
 * concurrent transaction that inserts the same case (another instance) and then reports that the case is taken.
 */
@ApplicationScoped
public class RoutingBatchRepository {
    private final EntityManager entityManager;

    public RoutingBatchRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts the case rows that do not exist yet; returns the case numbers inserted by this transaction. */
    public Set<String> insertNewCases(List<RoutingCase> cases) {
        List<RoutingCase> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparing(rc -> rc.caseNumber));
        return session().doReturningWork(c -> {
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("insert into routing_case (case_number, status, channel,"
                    + " type, urgent, district, content, accused_unit, category, current_lead, dispatch_count,"
                    + " designated, received_at, updated_at, routed_at, accepted, version, misconduct_level,"
                    + " misconduct_evidence)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, false, 0, ?, ?)"
                    + " on conflict (case_number) do nothing")) {
                for (RoutingCase rc : sorted) {
                    ps.setString(1, rc.caseNumber);
                    ps.setString(2, rc.status.name());
                    ps.setString(3, rc.channel);
                    ps.setString(4, rc.type);
                    ps.setBoolean(5, rc.urgent);
                    ps.setString(6, rc.district);
                    ps.setString(7, rc.content);
                    ps.setString(8, rc.accusedUnit);
                    ps.setString(9, rc.category);
                    ps.setString(10, rc.currentLead);
                    ps.setInt(11, rc.dispatchCount);
                    ps.setObject(12, rc.receivedAt);
                    ps.setObject(13, rc.updatedAt);
                    ps.setObject(14, rc.routedAt);
                    ps.setString(15, rc.misconductLevel);
                    ps.setString(16, rc.misconductEvidence);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        inserted.add(sorted.get(i).caseNumber);
                    }
                }
            }
            return inserted;
        });
    }

    public void insertDecisions(List<RoutingDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into routing_decision (case_number, decided_at,"
                    + " kind, category, lead, co_handlers, matrix_version, matrix_row_id, confidence, explanation,"
                    + " actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RoutingDecision d : decisions) {
                    ps.setString(1, d.caseNumber);
                    ps.setObject(2, d.decidedAt);
                    ps.setString(3, d.kind.name());
                    ps.setString(4, d.category);
                    ps.setString(5, d.lead);
                    ps.setString(6, d.coHandlers);
                    setNullable(ps, 7, d.matrixVersion, java.sql.Types.INTEGER);
                    setNullable(ps, 8, d.matrixRowId, java.sql.Types.BIGINT);
                    setNullable(ps, 9, d.confidence, java.sql.Types.DOUBLE);
                    ps.setString(10, d.explanation);
                    ps.setString(11, d.actor);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
