package org.openysb.supervision.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A dispatched case in the lead unit's queue, with the clocks domain.md sets (签收、先行联系、退单、办理). */
@Entity
@Table(name = "work_item")
public class WorkItem {
    public enum Status {
        ASSIGNED,
        SIGNED,
        REPLIED,
        CLOSED
    }

    @Id
    @Column(name = "case_number", length = 20)
    public String caseNumber;

    @Column(name = "lead_unit", nullable = false, length = 20)
    public String leadUnit;

    @Column(name = "lead_name", nullable = false, length = 100)
    public String leadName;

    @Column(name = "co_units", nullable = false, length = 500)
    public String coUnits = "";

    @Column(nullable = false, length = 20)
    public String type;

    @Column(nullable = false)
    public boolean urgent;

    @Column(nullable = false, length = 20)
    public String channel;

    @Column(nullable = false, length = 50)
    public String category;

    @Column(nullable = false, length = 10)
    public String district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Status status = Status.ASSIGNED;

    @Column(name = "assigned_at", nullable = false)
    public OffsetDateTime assignedAt;

    @Column(name = "sign_for_deadline", nullable = false)
    public OffsetDateTime signForDeadline;

    @Column(name = "first_contact_deadline", nullable = false)
    public OffsetDateTime firstContactDeadline;

    @Column(name = "return_deadline", nullable = false)
    public OffsetDateTime returnDeadline;

    @Column(name = "handling_deadline", nullable = false)
    public OffsetDateTime handlingDeadline;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
