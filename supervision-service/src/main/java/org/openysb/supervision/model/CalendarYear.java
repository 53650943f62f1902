package org.openysb.supervision.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A year of the State Council holiday notice, as loaded. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {
    @Id
    public Integer year;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;

    @Column(nullable = false, length = 200)
    public String source;
}
