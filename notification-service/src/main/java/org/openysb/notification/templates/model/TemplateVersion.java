package org.openysb.notification.templates.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of a message template as an admin saved it; the highest version of a key and locale is in force. */
@Entity
@Table(name = "notification_template")
public class TemplateVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code <message>.<part>}, e.g. {@code receipt.sms}. */
    @Column(name = "template_key", nullable = false, length = 100)
    public String templateKey;

    /** zh-CN or en. */
    @Column(nullable = false, length = 10)
    public String locale;

    @Column(nullable = false)
    public int version;

    /** The Qute source. */
    @Column(nullable = false, length = 4000)
    public String body;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(length = 500)
    public String note;
}
