package org.openysb.routing.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Routing's view of one case: who holds it and how many times it was dispatched. */
@Entity
@Table(name = "routing_case")
public class RoutingCase {
    public enum Status {
        ROUTED,
        MANUAL_DISPATCH,
        IN_ARBITRATION
    }

    @Id
    @Column(name = "case_number", length = 20)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Status status;

    @Column(nullable = false, length = 20)
    public String channel;

    @Column(nullable = false, length = 20)
    public String type;

    @Column(nullable = false)
    public boolean urgent;

    @Column(nullable = false, length = 10)
    public String district;

    @Column(nullable = false, length = 5000)
    public String content;

    @Column(name = "accused_unit", length = 20)
    public String accusedUnit;

    @Column(length = 50)
    public String category;

    @Column(name = "current_lead", length = 20)
    public String currentLead;

    @Column(name = "dispatch_count", nullable = false)
    public int dispatchCount;

    @Column(nullable = false)
    public boolean designated;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public void routedTo(String category, String lead, OffsetDateTime at) {
        this.category = category;
        this.currentLead = lead;
        this.status = Status.ROUTED;
        this.dispatchCount++;
        this.updatedAt = at;
    }

    public void queuedForManualDispatch(String suggestedCategory, OffsetDateTime at) {
        this.category = suggestedCategory;
        this.status = Status.MANUAL_DISPATCH;
        this.updatedAt = at;
    }
}
