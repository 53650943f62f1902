package org.openysb.supervision.model;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A clue (线索) in the discipline-inspection ledger (线索台账): raised against a unit, closed out (销号) with a finding. */
@Entity
@Table(name = "clue")
public class Clue {
    public enum State {
        OPEN,
        CLOSED
    }

    /** The inaction and evasion signals of domain.md, plus clues entered by hand. */
    public static final List<String> KINDS = List.of(
            "OVERDUE_AFTER_ORDER",
            "IMPROPER_RETURN",
            "REPEATED_BOUNCING",
            "CLOSED_WITHOUT_REPLY",
            "STAFF_RECORDED_FOLLOW_UP",
            "SOLVED_CASE_RETURNED",
            "RELABELLED_TYPE",
            "MANUAL");

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Column(name = "unit_code", nullable = false, length = 20)
    public String unitCode;

    @Column(name = "unit_name", nullable = false, length = 100)
    public String unitName;

    @Column(nullable = false, length = 40)
    public String kind;

    @Column(nullable = false, length = 2000)
    public String description;

    @Column(name = "related_case_number", length = 20)
    public String relatedCaseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public State state = State.OPEN;

    @Column(name = "raised_by", nullable = false, length = 100)
    public String raisedBy;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "dedupe_key", length = 200)
    public String dedupeKey;

    @Column(length = 2000)
    public String finding;

    @Column(name = "closed_by", length = 100)
    public String closedBy;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public long version;

    /** 销号: an open clue is closed once, with the inspector's finding. */
    public void closeOut(String finding, String by, OffsetDateTime at) {
        if (state != State.OPEN) {
            throw new IllegalStateException("clue " + id + " was closed out at " + closedAt + " by " + closedBy);
        }
        this.state = State.CLOSED;
        this.finding = finding;
        this.closedBy = by;
        this.closedAt = at;
    }
}
