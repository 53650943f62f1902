package org.openysb.routing.cases.model;

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

    /** The dispatcher who claimed the case in the manual dispatch queue. */
    @Column(name = "claimed_by", length = 100)
    public String claimedBy;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    /** When the current lead received the case (the return window starts here). */
    @Column(name = "routed_at")
    public OffsetDateTime routedAt;

    /** The unit whose return waits for arbitration. */
    @Column(name = "returned_by", length = 20)
    public String returnedBy;

    /** The current lead signed for the case (签收): it can no longer be returned. */
    @Column(nullable = false)
    public boolean accepted;

    /** The misconduct guard's finding (POSSIBLE, STRONG), null when it found nothing. */
    @Column(name = "misconduct_level", length = 10)
    public String misconductLevel;

    /** The guard's evidence, cited to the dispatcher. */
    @Column(name = "misconduct_evidence", length = 1000)
    public String misconductEvidence;

    @Version
    public long version;

    /** The guard suspects a complaint about officials' conduct: never to another unit without a dispatcher's reason. */
    public boolean misconductSuspected() {
        return misconductLevel != null;
    }

    public void routedTo(String category, String lead, OffsetDateTime at) {
        this.category = category;
        this.currentLead = lead;
        this.status = Status.ROUTED;
        this.dispatchCount++;
        this.routedAt = at;
        this.updatedAt = at;
        this.claimedBy = null;
        this.claimedAt = null;
        this.returnedBy = null;
        this.accepted = false;
    }

    /** A designated unit (指定承办) cannot return the case again. */
    public void designatedTo(String category, String lead, OffsetDateTime at) {
        routedTo(category, lead, at);
        this.designated = true;
    }

    /** Claims the case in the manual dispatch queue; false when another dispatcher holds it. */
    public boolean claim(String dispatcher, OffsetDateTime at) {
        if (claimedBy != null && !claimedBy.equals(dispatcher)) {
            return false;
        }
        if (claimedBy == null) {
            claimedBy = dispatcher;
            claimedAt = at;
            updatedAt = at;
        }
        return true;
    }

    public void sentToArbitration(String returningUnit, OffsetDateTime at) {
        this.status = Status.IN_ARBITRATION;
        this.returnedBy = returningUnit;
        this.updatedAt = at;
    }

    public void signedBy(String unit, OffsetDateTime at) {
        if (unit.equals(currentLead) && status == Status.ROUTED) {
            this.accepted = true;
            this.updatedAt = at;
        }
    }

    /** Why a return by {@code unit} at {@code at} is refused, or null when it may proceed. */
    public String refusalOfReturn(
            String unit, String reason, String basis, OffsetDateTime at, java.time.Duration window) {
        if (reason == null || reason.isBlank()) {
            return "退单未说明理由";
        }
        if (basis == null || basis.isBlank()) {
            return "退单未说明依据（权责清单条目或职责文件）";
        }
        if (designated) {
            return "本单位为指定承办单位，不得再次退单";
        }
        if (accepted) {
            return "本单位已签收，不得退单";
        }
        if (status != Status.ROUTED || !unit.equals(currentLead)) {
            return "退单单位不是当前主办单位";
        }
        if (routedAt != null && at.isAfter(routedAt.plus(window))) {
            return "超过退单时限";
        }
        return null;
    }

    public void queuedForManualDispatch(String suggestedCategory, OffsetDateTime at) {
        this.category = suggestedCategory;
        this.status = Status.MANUAL_DISPATCH;
        this.updatedAt = at;
    }
}
