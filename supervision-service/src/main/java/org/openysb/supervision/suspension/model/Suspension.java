package org.openysb.supervision.suspension.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 中止: a handler asks to pause the handling clock while waiting for the complainant or a third party; a supervisor
 * approves; the clock resumes on the complainant's answer or after the approved number of working days.
 */
@Entity
@Table(name = "case_suspension")
public class Suspension {
    public enum State {
        REQUESTED,
        ACTIVE,
        ENDED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public State state;

    @Column(nullable = false, length = 1000)
    public String reason;

    @Column(nullable = false, length = 1000)
    public String basis;

    @Column(name = "working_days", nullable = false)
    public int workingDays;

    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_by", length = 100)
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason", length = 1000)
    public String decisionReason;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "resume_by")
    public OffsetDateTime resumeBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "ended_by", length = 100)
    public String endedBy;

    @Column(name = "resume_note", length = 1000)
    public String resumeNote;

    @Column(name = "paused_working_days")
    public Integer pausedWorkingDays;
}
