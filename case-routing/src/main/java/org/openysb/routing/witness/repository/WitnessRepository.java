package org.openysb.routing.witness.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.openysb.contracts.trail.SignedCheckpoint;
import org.openysb.routing.witness.model.Refusal;

/** The witnessed checkpoints and the refusals (witness_checkpoint, witness_refusal). */
@ApplicationScoped
public class WitnessRepository {
    private static final String COLUMNS = "tree_size, root_hash, issued_at, key_id, signature";

    private final EntityManager entityManager;

    public WitnessRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Serialises the witness's decisions (across instances) for this transaction. */
    public void lock() {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(7201162003)")) {
                ps.executeQuery().close();
            }
        });
    }

    public Optional<SignedCheckpoint> latest() {
        return one("select " + COLUMNS + " from witness_checkpoint order by tree_size desc limit 1", null);
    }

    public Optional<SignedCheckpoint> bySize(long treeSize) {
        return one("select " + COLUMNS + " from witness_checkpoint where tree_size = ?", treeSize);
    }

    public void insert(SignedCheckpoint cp, String eventId) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into witness_checkpoint (" + COLUMNS + ", event_id) values (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, cp.treeSize());
                ps.setString(2, cp.rootHash());
                ps.setObject(3, cp.issuedAt().atOffset(ZoneOffset.UTC));
                ps.setString(4, cp.keyId());
                ps.setString(5, cp.signature());
                ps.setString(6, eventId);
                ps.executeUpdate();
            }
        });
    }

    public void insertRefusal(String eventId, Long treeSize, String rootHash, String reason, String detail) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into witness_refusal (event_id, tree_size,"
                    + " root_hash, reason, detail) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, eventId);
                ps.setObject(2, treeSize);
                ps.setString(3, rootHash == null ? null : rootHash.substring(0, Math.min(64, rootHash.length())));
                ps.setString(4, reason);
                ps.setString(5, detail.substring(0, Math.min(1000, detail.length())));
                ps.executeUpdate();
            }
        });
    }

    public List<Refusal> refusals(int limit) {
        return session().doReturningWork(c -> {
            List<Refusal> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select event_id, tree_size, root_hash, reason, detail,"
                    + " received_at from witness_refusal order by id desc limit ?")) {
                ps.setInt(1, limit);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(new Refusal(
                                r.getString(1),
                                r.getObject(2, Long.class),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getObject(6, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    private Optional<SignedCheckpoint> one(String sql, Long param) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setLong(1, param);
                }
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new SignedCheckpoint(
                            r.getLong(1),
                            r.getString(2),
                            r.getObject(3, OffsetDateTime.class).toInstant(),
                            r.getString(4),
                            r.getString(5)));
                }
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
