package org.openysb.supervision.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.supervision.casefile.model.CaseComplaint;
import org.openysb.supervision.model.TrailEntry;
import org.openysb.supervision.model.WorkItem;

/**
 * Reads and writes what a consumed batch of events needs in a few JDBC round trips (one statement per table, batched)
 * instead of several per event. Rows are written in the order given; the callers sort by case number.
 */
@ApplicationScoped
public class ConsumerBatchRepository {
    private final EntityManager entityManager;

    public ConsumerBatchRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A complaint as received (received_case): when, and the type it had then. */
    public record Received(OffsetDateTime at, String type) {}

    /** The case numbers among {@code caseNumbers} that have a work item. */
    public Set<String> withWorkItem(Collection<String> caseNumbers) {
        return session().doReturningWork(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement ps =
                    c.prepareStatement("select case_number from work_item where case_number = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", caseNumbers.toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
            }
            return found;
        });
    }

    /** The receipts of the cases that have one. */
    public Map<String, Received> received(Collection<String> caseNumbers) {
        return session().doReturningWork(c -> {
            Map<String, Received> found = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select case_number, received_at, type from received_case where case_number = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", caseNumbers.toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        found.put(r.getString(1), new Received(r.getObject(2, OffsetDateTime.class), r.getString(3)));
                    }
                }
            }
            return found;
        });
    }

    /** The last trail entry (seq and hash: the head of its chain) of each case that has a trail. */
    public Map<String, TrailEntry> trailHeads(Collection<String> caseNumbers) {
        return session().doReturningWork(c -> {
            Map<String, TrailEntry> heads = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct on (case_number) case_number, seq, hash"
                    + " from trail_entry where case_number = any(?) order by case_number, seq desc")) {
                ps.setArray(1, c.createArrayOf("varchar", caseNumbers.toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        TrailEntry head = new TrailEntry();
                        head.caseNumber = r.getString(1);
                        head.seq = r.getInt(2);
                        head.hash = r.getString(3);
                        heads.put(head.caseNumber, head);
                    }
                }
            }
            return heads;
        });
    }

    /**
     * Inserts new work items (fields as {@link WorkItem#reassign} and the clocks set them). A plain insert: a row
     * that exists already fails the batch, whose events are then handled one by one.
     */
    public void insertWorkItems(List<WorkItem> items) {
        if (items.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into work_item (case_number, lead_unit, lead_name,"
                    + " co_units, type, urgent, channel, category, district, status, assigned_at, sign_for_deadline,"
                    + " first_contact_deadline, return_deadline, handling_deadline, updated_at, dispatch_count,"
                    + " designated, extension_state, reopen_count, suspended, due_counted, sign_decided,"
                    + " response_decided, next_reminder_at, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, false, false, false, false,"
                    + " ?, 0)")) {
                for (WorkItem w : items) {
                    ps.setString(1, w.caseNumber);
                    ps.setString(2, w.leadUnit);
                    ps.setString(3, w.leadName);
                    ps.setString(4, w.coUnits);
                    ps.setString(5, w.type);
                    ps.setBoolean(6, w.urgent);
                    ps.setString(7, w.channel);
                    ps.setString(8, w.category);
                    ps.setString(9, w.district);
                    ps.setString(10, w.status.name());
                    ps.setObject(11, w.assignedAt);
                    ps.setObject(12, w.signForDeadline);
                    ps.setObject(13, w.firstContactDeadline);
                    ps.setObject(14, w.returnDeadline);
                    ps.setObject(15, w.handlingDeadline);
                    ps.setObject(16, w.updatedAt);
                    ps.setInt(17, w.dispatchCount);
                    ps.setBoolean(18, w.designated);
                    ps.setString(19, w.extensionState.name());
                    setNullable(ps, 20, w.nextReminderAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Appends trail entries (already chained by {@link TrailEntry#next}). */
    public void insertTrail(List<TrailEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into trail_entry (case_number, seq, occurred_at,"
                    + " actor, action, status_before, status_after, detail, prev_hash, hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TrailEntry e : entries) {
                    ps.setString(1, e.caseNumber);
                    ps.setInt(2, e.seq);
                    ps.setObject(3, e.occurredAt);
                    ps.setString(4, e.actor);
                    ps.setString(5, e.action);
                    ps.setString(6, e.statusBefore);
                    ps.setString(7, e.statusAfter);
                    ps.setString(8, e.detail);
                    ps.setString(9, e.prevHash);
                    ps.setString(10, e.hash);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Records receipts that are not recorded yet; returns the case numbers this call recorded. */
    public Set<String> insertReceived(List<ComplaintSubmitted> complaints) {
        return session().doReturningWork(c -> {
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("insert into received_case (case_number, received_at,"
                    + " channel, type) values (?, ?, ?, ?) on conflict do nothing")) {
                for (ComplaintSubmitted cs : complaints) {
                    ps.setString(1, cs.caseNumber());
                    ps.setObject(2, cs.receivedAt());
                    ps.setString(3, cs.channel());
                    ps.setString(4, cs.type());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        inserted.add(complaints.get(i).caseNumber());
                    }
                }
            }
            return inserted;
        });
    }

    /** Stores the complaints units read on the case page, those not stored yet. */
    public void insertComplaints(List<CaseComplaint> complaints) {
        if (complaints.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into case_complaint (case_number, title, content,"
                    + " channel, received_at, complainant_kind, display_name, masked_mobile, anonymous, confidential,"
                    + " contactable, accused_unit, repeat_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                for (CaseComplaint cc : complaints) {
                    ps.setString(1, cc.caseNumber);
                    ps.setString(2, cc.title);
                    ps.setString(3, cc.content);
                    ps.setString(4, cc.channel);
                    ps.setObject(5, cc.receivedAt);
                    ps.setString(6, cc.complainantKind);
                    ps.setString(7, cc.displayName);
                    ps.setString(8, cc.maskedMobile);
                    ps.setBoolean(9, cc.anonymous);
                    ps.setBoolean(10, cc.confidential);
                    ps.setBoolean(11, cc.contactable);
                    ps.setString(12, cc.accusedUnit);
                    ps.setString(13, cc.repeatOf);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int index, OffsetDateTime value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
