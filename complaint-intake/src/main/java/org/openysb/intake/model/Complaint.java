package org.openysb.intake.model;

import java.security.MessageDigest;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A complaint (工单) as accepted by intake, with what the complainant may see of its progress. */
@Entity
@Table(name = "complaint")
public class Complaint {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, unique = true, length = 20)
    public String caseNumber;

    /** SHA-256 of case number and query code; the code itself is shown once, to the complainant. */
    @Column(name = "query_code_hash", nullable = false, length = 64)
    public String queryCodeHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ComplaintType type;

    @Column(nullable = false)
    public boolean urgent;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 5000)
    public String content;

    @Column(nullable = false, length = 10)
    public String district;

    @Column(name = "category_hint", length = 50)
    public String categoryHint;

    @Column(name = "accused_unit", length = 20)
    public String accusedUnit;

    @Column(nullable = false)
    public boolean anonymous;

    @Column(nullable = false)
    public boolean confidential;

    @Embedded
    public Complainant complainant = new Complainant();

    /** {@code sub} of the logged-in citizen or enterprise who filed it, if any. */
    @Column(name = "owner_subject", length = 100)
    public String ownerSubject;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CaseStatus status = CaseStatus.RECEIVED;

    @Column(name = "assigned_unit_code", length = 20)
    public String assignedUnitCode;

    @Column(name = "assigned_unit_name", length = 100)
    public String assignedUnitName;

    /** The earlier case this one repeats (并单), or null. */
    @Column(name = "repeat_of", length = 20)
    public String repeatOf;

    /** Text similarity (0–1) to the closest case of the {@link #repeatOf} group: that case or one of its repeats. */
    @Column(name = "repeat_similarity")
    public Double repeatSimilarity;

    /** The case's near-duplicate keys ({@link RepeatSketch}), stored with it for the repeat index to be rebuilt. */
    @Column(name = "repeat_keys")
    @jakarta.persistence.Convert(converter = RepeatKeysColumn.class)
    public long[] repeatKeys;

    /** The lead unit's handling deadline (办理时限) once its work item is open, moved by an extension or a reopening. */
    @Column(name = "expected_reply_by")
    public OffsetDateTime expectedReplyBy;

    /**
     * {@link #expectedReplyBy} rests on the provisional calendar of a year whose holiday notice is not out yet (暂定): it
     * may move when the notice comes.
     */
    @Column(name = "expected_reply_provisional", nullable = false)
    public boolean expectedReplyProvisional;

    /** The lead unit's latest reply (答复) to the complainant, or null before it replied. */
    @Embedded
    public Reply reply;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** When routing dispatched the case or queued it for manual dispatch; null before. */
    @Column(name = "routing_decided_at")
    public OffsetDateTime routingDecidedAt;

    /**
     * Never shown publicly (Open311): routed to or proposed for the discipline commission, or flagged as possible
     * misconduct. Once set it stays set, whoever handles the case later.
     */
    @Column(name = "public_withheld", nullable = false)
    public boolean publicWithheld;

    @Version
    public long version;

    /** Links this case to an earlier one about the same matter (并单); the complainant keeps their own case. */
    public void markRepeatOf(String earlierCaseNumber, double similarity) {
        repeatOf = earlierCaseNumber;
        repeatSimilarity = similarity;
    }

    /** Constant-time comparison of a query code with the stored hash. */
    public boolean queryCodeMatches(String queryCode) {
        if (queryCode == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hashQueryCode(caseNumber, queryCode).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                queryCodeHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public static String hashQueryCode(String caseNumber, String queryCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caseNumber + ':' + queryCode).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Routing dispatched the case to a lead unit (派单). */
    public void dispatchedTo(String unitCode, String unitName, OffsetDateTime at) {
        assignedUnitCode = unitCode;
        assignedUnitName = unitName;
        if (status == CaseStatus.RECEIVED || status == CaseStatus.MANUAL_DISPATCH) {
            status = CaseStatus.DISPATCHED;
        }
        updatedAt = at;
    }

    /**
     * The handling deadline in force for the lead unit: from its work item, an approved extension, a reopening, a
     * recompute after a calendar change; {@code provisional} when it rests on the provisional calendar (暂定).
     */
    public void expectReplyBy(OffsetDateTime deadline, boolean provisional, OffsetDateTime at) {
        expectedReplyBy = deadline;
        expectedReplyProvisional = provisional;
        updatedAt = at;
    }

    /** The lead unit replied (答复); a later reply (after a reopening) replaces an earlier one. */
    public void replied(Reply latest, OffsetDateTime at) {
        reply = latest;
        progressedTo(CaseStatus.REPLIED, at);
    }

    /**
     * Routing decided the case (dispatched it or queued it for manual dispatch); {@code misconduct} when the decision
     * concerns officials' conduct (the discipline commission, or the misconduct guard's doubt).
     */
    public void routingDecided(OffsetDateTime at, boolean misconduct) {
        if (routingDecidedAt == null) {
            routingDecidedAt = at;
        }
        publicWithheld = publicWithheld || misconduct;
    }

    public void progressedTo(CaseStatus newStatus, OffsetDateTime at) {
        if (newStatus.ordinal() > status.ordinal() || newStatus == CaseStatus.IN_PROGRESS) {
            status = newStatus;
        }
        updatedAt = at;
    }
}
