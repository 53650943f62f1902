package org.openysb.notification.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message to one recipient on one channel, recorded before it is sent. */
@Entity
@Table(name = "notification")
public class Notification {
    public enum RecipientKind {
        COMPLAINANT,
        UNIT,
        ROLE
    }

    public enum Channel {
        SMS,
        EMAIL,
        INBOX
    }

    /** PENDING: recorded, waiting for its channel; DELIVERED: handed over (or in the inbox); FAILED; DEAD. */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED,
        DEAD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, length = 100)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false, length = 20)
    public RecipientKind recipientKind;

    /** A complainant reference, a unit code or a role. */
    @Column(nullable = false, length = 100)
    public String recipient;

    /** Where it goes, as far as this service may know it (a masked mobile until resolved at sending time). */
    @Column(length = 200)
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Channel channel;

    @Column(nullable = false, length = 100)
    public String template;

    @Column(length = 200)
    public String subject;

    @Column(nullable = false, length = 2000)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
