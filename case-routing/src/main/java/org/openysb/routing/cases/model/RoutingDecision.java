package org.openysb.routing.cases.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One decision about a case, with the matrix version and row it relied on and the reason (说明理由). */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision {
    /** AUTO (classifier), MANUAL_QUEUE (sent to the dispatchers), MANUAL (dispatcher), RETURN (a unit's return and what became of it), REROUTE (to the next-best unit after a return), RULING, DESIGNATION. */
    public enum Kind {
        AUTO,
        MANUAL_QUEUE,
        MANUAL,
        RETURN,
        REROUTE,
        RULING,
        DESIGNATION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Kind kind;

    @Column(length = 50)
    public String category;

    @Column(length = 20)
    public String lead;

    @Column(name = "co_handlers", nullable = false, length = 500)
    public String coHandlers = "";

    @Column(name = "matrix_version")
    public Integer matrixVersion;

    @Column(name = "matrix_row_id")
    public Long matrixRowId;

    public Double confidence;

    @Column(nullable = false, length = 2000)
    public String explanation;

    @Column(nullable = false, length = 100)
    public String actor;
}
