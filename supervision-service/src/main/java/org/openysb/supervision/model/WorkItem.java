package org.openysb.supervision.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A dispatched case in the lead unit's queue, with the clocks domain.md sets (签收、先行联系、退单、办理). */
@Entity
@Table(name = "work_item")
public class WorkItem {
    public enum Status {
        ASSIGNED,
        SIGNED,
        RETURN_REQUESTED,
        REPLIED,
        CLOSED
    }

    /** 延期 state: at most one extension per case. */
    public enum Extension {
        NONE,
        REQUESTED,
        APPROVED,
        REJECTED
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

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    @Column(name = "signed_by", length = 100)
    public String signedBy;

    @Column(name = "first_contact_at")
    public OffsetDateTime firstContactAt;

    @Column(name = "first_contact_method", length = 20)
    public String firstContactMethod;

    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;

    @Column(name = "reply_result", length = 30)
    public String replyResult;

    @Column(name = "reply_text", length = 4000)
    public String replyText;

    @Column(name = "follow_up_deadline")
    public OffsetDateTime followUpDeadline;

    @Column(name = "dispatch_count", nullable = false)
    public int dispatchCount = 1;

    @Column(nullable = false)
    public boolean designated;

    @Column(name = "return_requested_at")
    public OffsetDateTime returnRequestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "extension_state", nullable = false, length = 20)
    public Extension extensionState = Extension.NONE;

    @Column(name = "extension_days")
    public Integer extensionDays;

    @Column(name = "extension_reason", length = 1000)
    public String extensionReason;

    @Column(name = "extension_basis", length = 1000)
    public String extensionBasis;

    @Column(name = "original_handling_deadline")
    public OffsetDateTime originalHandlingDeadline;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(length = 30)
    public String rating;

    public Boolean solved;

    @Column(name = "followed_up_at")
    public OffsetDateTime followedUpAt;

    @Column(name = "followed_up_by", length = 20)
    public String followedUpBy;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(length = 30)
    public String closure;

    /** 中止: the handling clock stands still since {@code suspendedAt}; the deadline moves on when it resumes. */
    @Column(nullable = false)
    public boolean suspended;

    @Column(name = "suspended_at")
    public OffsetDateTime suspendedAt;

    /** Whether this deadline was counted as due in the metrics (once per deadline). */
    @Column(name = "due_counted", nullable = false)
    public boolean dueCounted;

    /**
     * Whether the sign-for outcome of the current assignment was counted in the metrics (once per assignment).
     * Written only by conditional native updates (MetricsRecorder), never by the entity: a handler's write and the
     * sweep's decision do not compete for the row version.
     */
    @Column(name = "sign_decided", nullable = false, updatable = false)
    public boolean signDecided;

    /** Whether the response outcome of the current assignment was counted (like {@link #signDecided}). */
    @Column(name = "response_decided", nullable = false, updatable = false)
    public boolean responseDecided;

    @Version
    public long version;

    /**
     * When the reminder sweep must next look at this case: the earliest reminder point still ahead, or the time of
     * the last change of its clocks (so that the sweep re-examines it). Null when no reminder is ahead.
     */
    @Column(name = "next_reminder_at")
    public OffsetDateTime nextReminderAt;

    /** 协办意见 of the current dispatch, one per co-unit. */
    @ElementCollection
    @CollectionTable(name = "co_unit_part", joinColumns = @JoinColumn(name = "case_number"))
    public List<CoUnitPart> coUnitParts = new ArrayList<>();

    /** The co-units of the current dispatch. */
    public List<String> coUnitCodes() {
        return coUnits == null || coUnits.isBlank() ? List.of() : List.of(coUnits.split(";"));
    }

    /** Co-units whose part of the reply is still missing. */
    public List<String> outstandingCoUnits() {
        return coUnitCodes().stream()
                .filter(code -> coUnitParts.stream().noneMatch(p -> p.unitCode.equals(code)))
                .toList();
    }

    /** 协办: a co-unit submits (or, before the reply, replaces) its part. */
    public void submitCoUnitPart(String unit, String text, String actor, OffsetDateTime at) {
        if (!coUnitCodes().contains(unit)) {
            throw new IllegalArgumentException(unit + " is not a co-unit of " + caseNumber);
        }
        if (status != Status.ASSIGNED && status != Status.SIGNED) {
            throw new IllegalTransition(
                    caseNumber,
                    status.name(),
                    "co-unit-part",
                    allowedActions(),
                    "the lead unit has replied or the case is not open");
        }
        coUnitParts.removeIf(p -> p.unitCode.equals(unit));
        coUnitParts.add(new CoUnitPart(unit, text, actor, at));
        updatedAt = at;
    }

    /** What a handler of the lead unit may do now; everything else is an illegal transition. */
    public List<String> allowedActions() {
        if (suspended) {
            return List.of(); // 中止: nothing moves until the case resumes
        }
        List<String> allowed = new java.util.ArrayList<>();
        switch (status) {
            case ASSIGNED -> allowed.add("sign");
            case SIGNED -> allowed.add(firstContactAt == null ? "first-contact" : "reply");
            default -> {
                // RETURN_REQUESTED waits for case-routing; REPLIED for the follow-up; CLOSED is final
            }
        }
        if ((status == Status.ASSIGNED || status == Status.SIGNED) && !designated) {
            allowed.add("return");
        }
        if (status == Status.SIGNED && extensionState == Extension.NONE && reopenCount == 0) {
            allowed.add("extension");
        }
        return List.copyOf(allowed);
    }

    /** 中止 begins: the handling clock stops and no reminder runs until {@link #resume}. */
    public void suspend(OffsetDateTime at) {
        if (status != Status.SIGNED || suspended) {
            throw new IllegalTransition(
                    caseNumber, status.name(), "suspend", allowedActions(), "only a signed, running case");
        }
        suspended = true;
        suspendedAt = at;
        nextReminderAt = null;
        updatedAt = at;
    }

    /** 中止 ends: the handling deadline moves by the working days the clock stood still. */
    public void resume(OffsetDateTime newHandlingDeadline, OffsetDateTime at) {
        if (!suspended) {
            throw new IllegalTransition(
                    caseNumber, status.name(), "resume", allowedActions(), "the case is not suspended");
        }
        suspended = false;
        suspendedAt = null;
        handlingDeadline = newHandlingDeadline;
        nextReminderAt = at;
        dueCounted = false;
        updatedAt = at;
    }

    /** 退单申请: "not ours", within the return window; case-routing decides. */
    public void requestReturn(OffsetDateTime at) {
        require("return");
        if (at.isAfter(returnDeadline)) {
            throw new IllegalTransition(
                    caseNumber,
                    status.name(),
                    "return",
                    allowedActions().stream().filter(a -> !a.equals("return")).toList(),
                    "the return window closed at " + returnDeadline);
        }
        status = Status.RETURN_REQUESTED;
        returnRequestedAt = at;
        updatedAt = at;
    }

    /** 延期申请: at least one working day before the deadline (checked by the caller, which knows the calendar). */
    public void requestExtension(int workingDays, String reason, String basis, OffsetDateTime at) {
        require("extension");
        extensionState = Extension.REQUESTED;
        extensionDays = workingDays;
        extensionReason = reason;
        extensionBasis = basis;
        updatedAt = at;
    }

    public void approveExtension(OffsetDateTime newDeadline, OffsetDateTime at) {
        requireExtensionRequested();
        extensionState = Extension.APPROVED;
        originalHandlingDeadline = handlingDeadline;
        handlingDeadline = newDeadline;
        nextReminderAt = at;
        updatedAt = at;
    }

    public void rejectExtension(OffsetDateTime at) {
        requireExtensionRequested();
        extensionState = Extension.REJECTED;
        updatedAt = at;
    }

    private void requireExtensionRequested() {
        if (extensionState != Extension.REQUESTED) {
            throw new IllegalTransition(
                    caseNumber, status.name(), "decide-extension", allowedActions(), "no extension request is pending");
        }
    }

    /**
     * 回访: the complainant's or an operator's rating of a replied case, once per reply and within the follow-up
     * window.
     */
    public void recordFollowUp(String rating, Boolean solved, String by, OffsetDateTime at) {
        if (followedUpAt != null) {
            throw FollowUpRefused.alreadyRecorded(caseNumber, followedUpAt);
        }
        if (followUpExpired(at)) {
            throw FollowUpRefused.expired(caseNumber, followUpDeadline);
        }
        if (status != Status.REPLIED) {
            throw new IllegalTransition(
                    caseNumber,
                    status.name(),
                    "follow-up",
                    allowedActions(),
                    "a follow-up is recorded once, after the reply");
        }
        this.rating = rating;
        this.solved = solved;
        this.followedUpAt = at;
        this.followedUpBy = by;
        updatedAt = at;
    }

    /** Whether the follow-up window of the current reply has closed at {@code now}. */
    public boolean followUpExpired(OffsetDateTime now) {
        return followUpDeadline != null && now.isAfter(followUpDeadline);
    }

    /** Whether the current reply was rated (by the complainant or an operator); "not rated" close-outs are not. */
    public boolean followUpRecorded() {
        return followedUpAt != null;
    }

    /** 重办: back to the unit with a new deadline; at most {@code maxReopens} times. */
    public void reopen(OffsetDateTime newDeadline, int maxReopens, OffsetDateTime at) {
        if (status != Status.REPLIED && status != Status.CLOSED) {
            throw new IllegalTransition(
                    caseNumber, status.name(), "reopen", allowedActions(), "only a replied case is reopened");
        }
        if (reopenCount >= maxReopens) {
            throw new IllegalTransition(
                    caseNumber,
                    status.name(),
                    "reopen",
                    allowedActions(),
                    "already reopened " + reopenCount + " times");
        }
        reopenCount++;
        dueCounted = false;
        status = Status.SIGNED;
        handlingDeadline = newDeadline;
        nextReminderAt = at;
        repliedAt = null;
        replyResult = null;
        replyText = null;
        followUpDeadline = null;
        rating = null;
        solved = null;
        followedUpAt = null;
        followedUpBy = null;
        closedAt = null;
        closure = null;
        updatedAt = at;
    }

    /** 办结/销号. */
    public void close(String how, OffsetDateTime at) {
        if (status != Status.REPLIED) {
            throw new IllegalTransition(
                    caseNumber, status.name(), "close", allowedActions(), "only a replied case is closed");
        }
        status = Status.CLOSED;
        closure = how;
        closedAt = at;
        if (followedUpAt == null) {
            rating = "NOT_RATED";
        }
        updatedAt = at;
    }

    /** case-routing sent the case to another unit (reroute, ruling, designation): new unit, new clocks. */
    public void reassign(
            String unit, String unitName, String coUnits, int dispatchCount, boolean designated, OffsetDateTime at) {
        leadUnit = unit;
        leadName = unitName;
        this.coUnits = coUnits;
        this.coUnitParts.clear();
        this.dispatchCount = dispatchCount;
        this.designated = designated;
        status = Status.ASSIGNED;
        assignedAt = at;
        signedAt = null;
        signedBy = null;
        firstContactAt = null;
        firstContactMethod = null;
        returnRequestedAt = null;
        dueCounted = false;
        updatedAt = at;
    }

    /**
     * Routing refused the return: the case goes back to where it was (signed or not); its clocks never stopped.
     * Returns false when the case is no longer waiting for routing.
     */
    public boolean returnRefused(OffsetDateTime at) {
        if (status != Status.RETURN_REQUESTED) {
            return false;
        }
        status = signedAt != null ? Status.SIGNED : Status.ASSIGNED;
        nextReminderAt = at;
        updatedAt = at;
        return true;
    }

    /** 签收. The handling clock already runs since assignment; signing late is recorded, not refused. */
    public void sign(String actor, OffsetDateTime at) {
        require("sign");
        status = Status.SIGNED;
        signedAt = at;
        signedBy = actor;
        updatedAt = at;
    }

    /** 先行联系. */
    public void recordFirstContact(String method, OffsetDateTime at) {
        require("first-contact");
        firstContactAt = at;
        firstContactMethod = method;
        updatedAt = at;
    }

    /** 答复: the written reply with its result code; the follow-up window opens. */
    public void reply(
            String resultCode, String text, OffsetDateTime at, OffsetDateTime followUpBy, boolean needCoUnitParts) {
        require("reply");
        List<String> outstanding = outstandingCoUnits();
        if (needCoUnitParts && !outstanding.isEmpty()) {
            throw new IllegalTransition(
                    caseNumber,
                    status.name(),
                    "reply",
                    allowedActions().stream().filter(a -> !a.equals("reply")).toList(),
                    "co-units yet to submit their part: " + String.join(", ", outstanding));
        }
        status = Status.REPLIED;
        repliedAt = at;
        replyResult = resultCode;
        replyText = text;
        followUpDeadline = followUpBy;
        updatedAt = at;
    }

    private void require(String action) {
        if (!allowedActions().contains(action)) {
            throw new IllegalTransition(caseNumber, status.name(), action, allowedActions());
        }
    }

    /** An action the case's state does not allow. */
    public static final class IllegalTransition extends RuntimeException {
        public final String status;
        public final String action;
        public final List<String> allowed;

        IllegalTransition(String caseNumber, String status, String action, List<String> allowed) {
            this(caseNumber, status, action, allowed, null);
        }

        IllegalTransition(String caseNumber, String status, String action, List<String> allowed, String why) {
            super(caseNumber + " is " + status + ": " + action + " is not allowed now"
                    + (why == null ? "" : " (" + why + ")") + "; allowed: "
                    + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)));
            this.status = status;
            this.action = action;
            this.allowed = allowed;
        }
    }
}
