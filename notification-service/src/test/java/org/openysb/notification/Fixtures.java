package org.openysb.notification;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventJson;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReplied;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.contracts.events.WorkItemOpened;
import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.Topics;

/** Events as the other services publish them, and what arrived at the sinks. */
public final class Fixtures {
    public static final UnitRef SCJG = new UnitRef("SCJG", "市市场监管局");

    private Fixtures() {}

    /** Publishes the event on its topic, keyed by case number, as the outbox relay does. */
    public static CloudEvent publish(EventType type, String caseNumber, Object data) {
        CloudEvent event = CloudEvent.of(type, "/test", caseNumber, OffsetDateTime.now(), EventJson.toTree(data));
        publish(event);
        return event;
    }

    /** Publishes this very event (same id) again: a redelivery. */
    public static void publish(CloudEvent event) {
        EventType type = EventType.fromCeType(event.type()).orElseThrow();
        Topics.publish(type.topic(), event.subject(), EventJson.write(event));
    }

    /** A complainant who left a contact (ref complaint:<caseNumber>, masked mobile as intake masks it). */
    public static ComplainantRef person(String caseNumber, String mobile) {
        return new ComplainantRef(
                "PERSON",
                "complaint:" + caseNumber,
                "张三",
                mobile == null ? null : mobile.substring(0, 3) + "****" + mobile.substring(7),
                true);
    }

    public static ComplainantRef anonymousWithoutContact(String caseNumber) {
        return new ComplainantRef("ANONYMOUS", "complaint:" + caseNumber, null, null, false);
    }

    public static ComplaintSubmitted complaint(String caseNumber, ComplainantRef who, boolean urgent) {
        return new ComplaintSubmitted(
                caseNumber,
                "WEB",
                "COMPLAINT",
                urgent,
                "办理营业执照被反复要求补材料",
                "窗口工作人员要求提供法律未规定的材料",
                "D01",
                null,
                null,
                who.kind().equals("ANONYMOUS"),
                false,
                OffsetDateTime.now(),
                who,
                null);
    }

    public static CaseRouted routed(String caseNumber, UnitRef lead) {
        return new CaseRouted(
                caseNumber,
                "LICENSING",
                "证照办理",
                lead,
                List.of(),
                "D01",
                "COMPLAINT",
                false,
                "WEB",
                1,
                7L,
                "《优化营商环境条例》第十九条",
                0.93,
                "AUTO",
                "关键词：营业执照",
                1,
                false,
                OffsetDateTime.now());
    }

    public static CaseReplied replied(String caseNumber, UnitRef unit, String text) {
        return new CaseReplied(
                caseNumber,
                unit,
                "EXPLAINED",
                text,
                "handler-scjg",
                OffsetDateTime.now(),
                true,
                OffsetDateTime.parse("2026-11-27T23:59:00+08:00"));
    }

    public static WorkItemOpened opened(String caseNumber, UnitRef lead, UnitRef... coHandlers) {
        return new WorkItemOpened(
                caseNumber,
                lead,
                List.of(coHandlers),
                "COMPLAINT",
                false,
                OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                OffsetDateTime.parse("2026-11-23T23:59:00+08:00"),
                OffsetDateTime.parse("2026-11-23T23:59:00+08:00"),
                OffsetDateTime.parse("2026-11-23T23:59:00+08:00"),
                OffsetDateTime.parse("2026-12-11T23:59:00+08:00"));
    }

    public static org.openysb.contracts.events.CaseClosed closed(String caseNumber, UnitRef unit) {
        return new org.openysb.contracts.events.CaseClosed(
                caseNumber, unit, "AFTER_FOLLOW_UP", "RESOLVED", "SATISFIED", true, 0, "SYSTEM", OffsetDateTime.now());
    }

    public static org.openysb.contracts.events.ReminderNoticeIssued reminderNotice(
            String caseNumber, UnitRef unit, String noticeNumber) {
        return new org.openysb.contracts.events.ReminderNoticeIssued(
                caseNumber,
                unit,
                "HANDLING",
                OffsetDateTime.parse("2026-11-20T23:59:00+08:00"),
                1,
                noticeNumber,
                "SYSTEM",
                OffsetDateTime.now());
    }

    /** Mails the SMTP server received for this address. */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(LocalSinks.mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        Address[] to = m.getRecipients(Message.RecipientType.TO);
                        return to != null
                                && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The decoded text of a plain-text mail. */
    public static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (java.io.IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
