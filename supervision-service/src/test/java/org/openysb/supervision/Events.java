package org.openysb.supervision;

import java.time.OffsetDateTime;
import java.util.List;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.Topics;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.UnitRef;

/** The events other services send this one, as they would put them on their topics. */
public final class Events {
    private Events() {}

    /** CaseRouted for a market-entry case in D01, as case-routing publishes it. */
    public static String caseRouted(
            String caseNumber,
            UnitRef lead,
            List<UnitRef> coHandlers,
            String type,
            boolean urgent,
            int dispatchCount,
            OffsetDateTime routedAt) {
        CaseRouted routed = new CaseRouted(
                caseNumber,
                "MARKET_ENTRY",
                "企业开办与准入准营",
                lead,
                coHandlers,
                "D01",
                type,
                urgent,
                "WEB",
                1,
                24,
                "依据",
                0.9,
                dispatchCount == 1 ? "AUTO" : "dispatcher1",
                "说明",
                dispatchCount,
                false,
                routedAt);
        return EventJson.write(CloudEvent.of(
                EventType.CASE_ROUTED, "/case-routing", caseNumber, OffsetDateTime.now(), EventJson.toTree(routed)));
    }

    /** ComplaintSubmitted of an anonymous-free person complaint in D01, as complaint-intake publishes it. */
    public static String complaintSubmitted(
            String caseNumber, String channel, String type, String repeatOf, OffsetDateTime receivedAt) {
        ComplaintSubmitted data = new ComplaintSubmitted(
                caseNumber,
                channel,
                type,
                false,
                "标题",
                "内容",
                "D01",
                null,
                null,
                false,
                false,
                receivedAt,
                new ComplainantRef("PERSON", "complaint:" + caseNumber, null, null, false),
                repeatOf);
        return EventJson.write(CloudEvent.of(
                EventType.COMPLAINT_SUBMITTED,
                "/complaint-intake",
                caseNumber,
                OffsetDateTime.now(),
                EventJson.toTree(data)));
    }

    public static void publishRouted(String caseNumber, String json) {
        org.openysb.testsupport.Topics.publish(Topics.ROUTING, caseNumber, json);
    }

    public static void publishComplaint(String caseNumber, String json) {
        org.openysb.testsupport.Topics.publish(Topics.COMPLAINTS, caseNumber, json);
    }
}
