package org.openysb.supervision.casefile.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 内部备注: a staff-only note on a case (who, when, what); never shown to the complainant. */
@Entity
@Table(name = "case_note")
public class CaseNote {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Column(nullable = false, length = 100)
    public String author;

    @Column(length = 20)
    public String unit;

    @Column(nullable = false, length = 2000)
    public String text;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
