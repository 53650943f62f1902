package org.openysb.supervision.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One version of a year's calendar: a yearly notice loaded (NOTICE), a single day added (ONE_OFF, with the notice's
 * reference and date) or the notice withdrawn (WITHDRAWN); who made it and when, and the year's listed days as of it.
 */
@Entity
@Table(name = "calendar_version")
@IdClass(CalendarVersion.Key.class)
public class CalendarVersion {
    @Id
    public Integer year;

    @Id
    public Integer version;

    @Column(nullable = false, length = 20)
    public String kind;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(nullable = false, length = 200)
    public String source;

    @Column(length = 200)
    public String reference;

    @Column(name = "notice_date")
    public LocalDate noticeDate;

    public LocalDate day;

    @Column(name = "off_day")
    public Boolean offDay;

    @Column(length = 100)
    public String name;

    /** The year's listed days as of this version: a JSON array of {date, offDay, name}. */
    @Column(nullable = false, columnDefinition = "text")
    public String days;

    /** The composite key. */
    public static class Key implements Serializable {
        public Integer year;
        public Integer version;

        public Key() {}

        public Key(Integer year, Integer version) {
            this.year = year;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(year, version);
        }
    }
}
