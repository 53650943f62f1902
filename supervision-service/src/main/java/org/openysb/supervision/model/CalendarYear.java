package org.openysb.supervision.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year of the calendar: the State Council holiday notice as loaded, or only one-off days (provisional). */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {
    @Id
    public Integer year;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;

    @Column(nullable = false, length = 200)
    public String source;

    /** The current version (see {@link CalendarVersion}). */
    @Column(nullable = false)
    public int version = 1;

    /** Whether the State Council's notice of the year is loaded; false: only one-off days, the year is provisional. */
    @Column(nullable = false)
    public boolean notice = true;
}
