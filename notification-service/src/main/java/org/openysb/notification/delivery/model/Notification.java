package org.openysb.notification.delivery.model;

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
        ROLE,
        /** A staff member looked up in the recipient table by unit and role. */
        PERSON,
        /** A mobile number being verified (手机号验证): a verification code, no case; never sent again. */
        MOBILE
    }

    public enum Channel {
        SMS,
        EMAIL,
        INBOX
    }

    /**
     * PENDING: recorded, waiting for its channel (or for the end of quiet hours); DELIVERED: handed over to the SMTP
     * server or SMS gateway (or put in the inbox); FAILED: the last attempt failed, retried at {@code nextAttemptAt};
     * DEAD: out of attempts (or permanently undeliverable), waits for an admin; SKIPPED: the recipient has no address
     * on this channel, nothing was sent.
     */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED,
        DEAD,
        SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, length = 100)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    /** The case the message is about; null for a verification code (no case yet). */
    @Column(name = "case_number", length = 20)
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

    /** Urgent cases (紧急) are not held back by quiet hours. */
    @Column(nullable = false)
    public boolean urgent;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    /** Handed over: no more attempts. */
    public void markDelivered(OffsetDateTime now) {
        status = Status.DELIVERED;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** One attempt failed: retry at {@code retryAt}, or DEAD when {@code retryAt} is null (out of attempts). */
    public void markFailed(String error, OffsetDateTime retryAt) {
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        nextAttemptAt = retryAt;
        status = retryAt == null ? Status.DEAD : Status.FAILED;
    }

    /** Not attempted now (quiet hours): goes out at {@code at}, without using up an attempt. */
    public void deferUntil(OffsetDateTime at) {
        nextAttemptAt = at;
    }

    /** Nothing to send on this channel for this recipient. */
    public void markSkipped(String why) {
        status = Status.SKIPPED;
        nextAttemptAt = null;
        lastError = why;
    }

    /**
     * An admin sends a dead (or failed) message again, with a fresh set of attempts. A verification code is never sent
     * again (its logged text is masked, and the code has expired long before): the user asks for a new one.
     */
    public boolean retryNow(OffsetDateTime now) {
        if ((status != Status.DEAD && status != Status.FAILED) || recipientKind == RecipientKind.MOBILE) {
            return false;
        }
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        return true;
    }
}
