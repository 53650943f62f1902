package org.openysb.supervision.trail.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.supervision.model.TrailEntry;
import org.openysb.supervision.trail.model.MerkleLog;

/** The trail log's tables (trail_log, trail_log_node, trail_log_state, trail_checkpoint) in plain JDBC. */
@ApplicationScoped
public class TrailLogRepository {
    private static final String ENTRY_COLUMNS =
            "e.id, e.case_number, e.seq, e.occurred_at, e.actor, e.action, e.status_before, e.status_after, e.detail,"
                    + " e.prev_hash, e.hash";

    private final EntityManager entityManager;

    public TrailLogRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The sequencer's state, locked for this transaction, with the current snapshot's xmin and xmax. */
    public record State(
            long size, long watermarkId, Long pendingId, Long pendingXmax, long snapshotXmin, long snapshotXmax) {}

    /** Takes the sequencer's lock for this transaction; false when another instance holds it. */
    public boolean tryLockSequencer() {
        return query("select pg_try_advisory_xact_lock(7201162001)", r -> r.getBoolean(1))
                .get(0);
    }

    /** Serialises the signing of checkpoints (across instances) for this transaction. */
    public void lockCheckpoints() {
        query("select pg_advisory_xact_lock(7201162002)", r -> 1);
    }

    public State lockState() {
        return query(
                        "select size, watermark_id, pending_id, pending_xmax::text::bigint,"
                                + " pg_snapshot_xmin(pg_current_snapshot())::text::bigint,"
                                + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint"
                                + " from trail_log_state where id = 1 for update",
                        r -> new State(
                                r.getLong(1),
                                r.getLong(2),
                                r.getObject(3, Long.class),
                                r.getObject(4, Long.class),
                                r.getLong(5),
                                r.getLong(6)))
                .get(0);
    }

    public void saveState(long size, long watermarkId, Long pendingId, Long pendingXmax) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("update trail_log_state set size = ?, watermark_id = ?,"
                    + " pending_id = ?, pending_xmax = ?::text::xid8 where id = 1")) {
                ps.setLong(1, size);
                ps.setLong(2, watermarkId);
                ps.setObject(3, pendingId);
                ps.setObject(4, pendingXmax == null ? null : pendingXmax.toString());
                ps.executeUpdate();
            }
        });
    }

    /** The log's size as the sequencer last wrote it. */
    public long size() {
        return query("select size from trail_log_state where id = 1", r -> r.getLong(1))
                .get(0);
    }

    /** Entries after {@code afterId} that are not in the log yet, by id. */
    public List<TrailEntry> unsequenced(long afterId, int limit) {
        return query(
                "select " + ENTRY_COLUMNS + " from trail_entry e where e.id > ? and not exists"
                        + " (select 1 from trail_log l where l.entry_id = e.id) order by e.id limit ?",
                TrailLogRepository::entry,
                afterId,
                limit);
    }

    /** The largest entry id visible now (or {@code floor}) and the xmax of the snapshot that saw it. */
    public record Candidate(long maxId, long snapshotXmax) {}

    public Candidate candidate(long floor) {
        return query(
                        "select coalesce(max(id), ?), pg_snapshot_xmax(pg_current_snapshot())::text::bigint"
                                + " from trail_entry where id > ?",
                        r -> new Candidate(r.getLong(1), r.getLong(2)),
                        floor,
                        floor)
                .get(0);
    }

    public void insertLog(long firstIndex, List<TrailEntry> entries) {
        session().doWork(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into trail_log (log_index, entry_id) values (?, ?)")) {
                long index = firstIndex;
                for (TrailEntry e : entries) {
                    ps.setLong(1, index++);
                    ps.setLong(2, e.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public void insertNodes(List<MerkleLog.Node> nodes) {
        session().doWork(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into trail_log_node (level, idx, hash) values (?, ?, ?)")) {
                for (MerkleLog.Node n : nodes) {
                    ps.setShort(1, (short) n.level());
                    ps.setLong(2, n.index());
                    ps.setBytes(3, n.hash());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** The stored hashes of these subtrees (absent ones are missing from the map). */
    public Map<MerkleLog.NodeId, byte[]> nodes(Collection<MerkleLog.NodeId> ids) {
        Map<MerkleLog.NodeId, byte[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select n.level, n.idx, n.hash from trail_log_node n"
                            + " join unnest(?::smallint[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx")) {
                ps.setArray(
                        1,
                        c.createArrayOf(
                                "smallint",
                                ids.stream().map(i -> (short) i.level()).toArray()));
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "bigint",
                                ids.stream().map(MerkleLog.NodeId::index).toArray()));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        found.put(new MerkleLog.NodeId(r.getShort(1), r.getLong(2)), r.getBytes(3));
                    }
                }
            }
        });
        return found;
    }

    /** A case's trail entries with their log index (null when not in the log yet), by seq. */
    public List<Indexed> caseEntries(String caseNumber) {
        return query(
                "select " + ENTRY_COLUMNS
                        + ", l.log_index from trail_entry e left join trail_log l on l.entry_id = e.id"
                        + " where e.case_number = ? order by e.seq",
                r -> new Indexed(entry(r), r.getObject(12, Long.class)),
                caseNumber);
    }

    /** A trail entry and its place in the log. */
    public record Indexed(TrailEntry entry, Long logIndex) {}

    /** The entry at a log index. */
    public Optional<TrailEntry> entryAt(long logIndex) {
        return query(
                        "select " + ENTRY_COLUMNS + " from trail_log l join trail_entry e on e.id = l.entry_id"
                                + " where l.log_index = ?",
                        TrailLogRepository::entry,
                        logIndex)
                .stream()
                .findFirst();
    }

    /** How many log indexes below {@code size} have an entry (all of them in an untouched log). */
    public long indexedBelow(long size) {
        return query("select count(*) from trail_log where log_index < ?", r -> r.getLong(1), size)
                .get(0);
    }

    public void insertCheckpoint(SignedCheckpoint cp, Long previousSize, String issuedBy) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into trail_checkpoint (tree_size, root_hash,"
                    + " issued_at, key_id, signature, previous_tree_size, issued_by) values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, cp.treeSize());
                ps.setString(2, cp.rootHash());
                ps.setObject(3, cp.issuedAt().atOffset(java.time.ZoneOffset.UTC));
                ps.setString(4, cp.keyId());
                ps.setString(5, cp.signature());
                ps.setObject(6, previousSize);
                ps.setString(7, issuedBy);
                ps.executeUpdate();
            }
        });
    }

    /** The checkpoint signed last. */
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return query(
                        "select tree_size, root_hash, issued_at, key_id, signature from trail_checkpoint"
                                + " order by tree_size desc limit 1",
                        TrailLogRepository::checkpoint)
                .stream()
                .findFirst();
    }

    private static SignedCheckpoint checkpoint(ResultSet r) throws SQLException {
        return new SignedCheckpoint(
                r.getLong(1),
                r.getString(2),
                r.getObject(3, OffsetDateTime.class).toInstant(),
                r.getString(4),
                r.getString(5));
    }

    private static TrailEntry entry(ResultSet r) throws SQLException {
        TrailEntry e = new TrailEntry();
        e.id = r.getLong(1);
        e.caseNumber = r.getString(2);
        e.seq = r.getInt(3);
        e.occurredAt = r.getObject(4, OffsetDateTime.class);
        e.actor = r.getString(5);
        e.action = r.getString(6);
        e.statusBefore = r.getString(7);
        e.statusAfter = r.getString(8);
        e.detail = r.getString(9);
        e.prevHash = r.getString(10);
        e.hash = r.getString(11);
        return e;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        return session().doReturningWork(c -> run(c, sql, row, params));
    }

    private static <T> List<T> run(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet r = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(row.read(r));
                }
                return out;
            }
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
