package org.openysb.routing.classification.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A labelled case learned from a dispatcher's decision or an arbitration ruling. */
@Entity
@Table(name = "training_example")
public class TrainingExample {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", length = 20)
    public String caseNumber;

    @Column(nullable = false, length = 50)
    public String category;

    @Column(nullable = false, length = 5000)
    public String text;

    /** MANUAL (dispatcher) or RULING (arbitration). */
    @Column(nullable = false, length = 20)
    public String source;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
