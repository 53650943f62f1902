package org.openysb.supervision.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** 协办意见: a co-handling unit's part of the reply. */
@Embeddable
public class CoUnitPart {
    @Column(name = "unit_code", nullable = false, length = 20)
    public String unitCode;

    @Column(nullable = false, length = 4000)
    public String text;

    @Column(name = "submitted_by", nullable = false, length = 100)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    protected CoUnitPart() {}

    public CoUnitPart(String unitCode, String text, String submittedBy, OffsetDateTime submittedAt) {
        this.unitCode = unitCode;
        this.text = text;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }
}
