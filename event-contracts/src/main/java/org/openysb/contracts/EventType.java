package org.openysb.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the closed loop, with the topic it is published on and the JSON Schema of its CloudEvent
 * ({@code schemas/<Name>.schema.json}). The CloudEvents {@code type} attribute is {@code org.openysb.<Name>}.
 */
public enum EventType {
    // complaint-intake
    COMPLAINT_SUBMITTED("ComplaintSubmitted", Topics.COMPLAINTS),
    // case-routing
    CASE_ROUTED("CaseRouted", Topics.ROUTING),
    MANUAL_DISPATCH_QUEUED("ManualDispatchQueued", Topics.ROUTING),
    CASE_RETURNED("CaseReturned", Topics.ROUTING),
    RETURN_RULED("ReturnRuled", Topics.ROUTING),
    HANDLER_DESIGNATED("HandlerDesignated", Topics.ROUTING),
    // supervision-service
    WORK_ITEM_OPENED("WorkItemOpened", Topics.SUPERVISION),
    CASE_SIGNED("CaseSigned", Topics.SUPERVISION),
    FIRST_CONTACT_MADE("FirstContactMade", Topics.SUPERVISION),
    CO_HANDLING_PART_SUBMITTED("CoHandlingPartSubmitted", Topics.SUPERVISION),
    RETURN_REQUESTED("ReturnRequested", Topics.SUPERVISION),
    EXTENSION_REQUESTED("ExtensionRequested", Topics.SUPERVISION),
    EXTENSION_APPROVED("ExtensionApproved", Topics.SUPERVISION),
    EXTENSION_REJECTED("ExtensionRejected", Topics.SUPERVISION),
    SUSPENSION_REQUESTED("SuspensionRequested", Topics.SUPERVISION),
    CASE_SUSPENDED("CaseSuspended", Topics.SUPERVISION),
    SUSPENSION_REJECTED("SuspensionRejected", Topics.SUPERVISION),
    CASE_RESUMED("CaseResumed", Topics.SUPERVISION),
    CASE_REPLIED("CaseReplied", Topics.SUPERVISION),
    FOLLOW_UP_RECORDED("FollowUpRecorded", Topics.SUPERVISION),
    CASE_REOPENED("CaseReopened", Topics.SUPERVISION),
    CASE_CLOSED("CaseClosed", Topics.SUPERVISION),
    REMINDER_DUE("ReminderDue", Topics.SUPERVISION),
    REMINDER_NOTICE_ISSUED("ReminderNoticeIssued", Topics.SUPERVISION),
    SUPERVISION_ORDER_ISSUED("SupervisionOrderIssued", Topics.SUPERVISION),
    CLUE_RAISED("ClueRaised", Topics.SUPERVISION),
    DEADLINE_RECOMPUTED("DeadlineRecomputed", Topics.SUPERVISION),
    TRAIL_CHECKPOINT_PUBLISHED("TrailCheckpointPublished", Topics.TRAIL_CHECKPOINTS);

    public static final String TYPE_PREFIX = "org.openysb.";

    private final String simpleName;
    private final String topic;

    EventType(String simpleName, String topic) {
        this.simpleName = simpleName;
        this.topic = topic;
    }

    public String simpleName() {
        return simpleName;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute. */
    public String ceType() {
        return TYPE_PREFIX + simpleName;
    }

    /** The CloudEvents {@code dataschema} attribute. */
    public String dataSchema() {
        return "urn:openysb:schema:" + simpleName + ":1";
    }

    /** Class-path location of the JSON Schema that validates a whole CloudEvent of this type. */
    public String schemaResource() {
        return "schemas/" + simpleName + ".schema.json";
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
