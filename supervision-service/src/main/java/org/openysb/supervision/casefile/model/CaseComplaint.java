package org.openysb.supervision.casefile.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The complaint as the handling units may read it: what ComplaintSubmitted carries, minus the contact of a
 * confidential (保密) complainant.
 */
@Entity
@Table(name = "case_complaint")
public class CaseComplaint {
    @Id
    @Column(name = "case_number", length = 20)
    public String caseNumber;

    @Column(length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(nullable = false, length = 20)
    public String channel;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "complainant_kind", nullable = false, length = 20)
    public String complainantKind;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "masked_mobile", length = 20)
    public String maskedMobile;

    @Column(nullable = false)
    public boolean anonymous;

    @Column(nullable = false)
    public boolean confidential;

    @Column(nullable = false)
    public boolean contactable;

    @Column(name = "accused_unit", length = 20)
    public String accusedUnit;

    @Column(name = "repeat_of", length = 20)
    public String repeatOf;
}
