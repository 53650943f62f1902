package org.openysb.routing.dispatch.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One return (退单) requested by a unit, and what became of it. Improper = rejected by arbitration. */
@Entity
@Table(name = "case_return")
public class CaseReturn {
    public enum Outcome {
        REFUSED,
        REROUTED,
        ARBITRATION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Column(nullable = false, length = 20)
    public String unit;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(length = 1000)
    public String basis;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    @Column(length = 500)
    public String refusal;

    @Column(nullable = false)
    public boolean improper;

    @Column(name = "dispatch_count", nullable = false)
    public int dispatchCount;
}
