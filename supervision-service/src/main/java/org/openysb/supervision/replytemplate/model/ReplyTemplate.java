package org.openysb.supervision.replytemplate.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 答复模板: a standard reply skeleton for a category (null: any), city-wide (unit null) or one unit's. */
@Entity
@Table(name = "reply_template")
public class ReplyTemplate {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 50)
    public String category;

    @Column(length = 20)
    public String unit;

    @Column(nullable = false, length = 100)
    public String title;

    @Column(nullable = false, length = 4000)
    public String body;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
