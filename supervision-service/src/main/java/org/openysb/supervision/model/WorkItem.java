package org.openysb.supervision.model;

import java.time.OffsetDateTime;
import java.util.List;

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

    @Version
    public long version;

    /** What a handler of the lead unit may do now; everything else is an illegal transition. */
    public List<String> allowedActions() {
        return switch (status) {
            case ASSIGNED -> List.of("sign");
            case SIGNED -> firstContactAt == null ? List.of("first-contact") : List.of("reply");
            case REPLIED, CLOSED -> List.of();
        };
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
    public void reply(String resultCode, String text, OffsetDateTime at, OffsetDateTime followUpBy) {
        require("reply");
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
            super(caseNumber + " is " + status + ": " + action + " is not allowed now; allowed: "
                    + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)));
            this.status = status;
            this.action = action;
            this.allowed = allowed;
        }
    }
}
