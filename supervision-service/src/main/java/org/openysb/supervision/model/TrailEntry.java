package org.openysb.supervision.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One step of a case on its tamper-evident trail (留痕): who, when, what, status before and after. Each entry's hash
 * covers its content and the previous entry's hash, so any change or deletion breaks the chain.
 */
@Entity
@Table(name = "trail_entry")
public class TrailEntry {
    public static final String GENESIS = "0".repeat(64);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Column(nullable = false)
    public int seq;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false, length = 50)
    public String action;

    @Column(name = "status_before", length = 30)
    public String statusBefore;

    @Column(name = "status_after", nullable = false, length = 30)
    public String statusAfter;

    @Column(nullable = false, length = 4000)
    public String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    public String prevHash;

    @Column(nullable = false, length = 64)
    public String hash;

    public static TrailEntry next(
            TrailEntry previous,
            String caseNumber,
            OffsetDateTime at,
            String actor,
            String action,
            String before,
            String after,
            String detail) {
        TrailEntry e = new TrailEntry();
        e.caseNumber = caseNumber;
        e.seq = previous == null ? 1 : previous.seq + 1;
        // microseconds: what PostgreSQL stores, so that the hash can be recomputed from the stored row
        e.occurredAt = at.withOffsetSameInstant(ZoneOffset.UTC).withNano(at.getNano() / 1000 * 1000);
        e.actor = actor;
        e.action = action;
        e.statusBefore = before;
        e.statusAfter = after;
        e.detail = detail;
        e.prevHash = previous == null ? GENESIS : previous.hash;
        e.hash = e.computeHash();
        return e;
    }

    /** The hash of this entry's content and its predecessor's hash. */
    public String computeHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leafData()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The entry as the trail log's Merkle tree commits to it (the leaf, RFC 9162): its content and its predecessor's
     * hash, fields joined by U+001F, UTF-8.
     */
    public byte[] leafData() {
        String canonical = String.join(
                "\u001f",
                caseNumber,
                String.valueOf(seq),
                occurredAt.toInstant().toString(),
                actor,
                action,
                statusBefore == null ? "" : statusBefore,
                statusAfter,
                detail,
                prevHash);
        return canonical.getBytes(StandardCharsets.UTF_8);
    }
}
