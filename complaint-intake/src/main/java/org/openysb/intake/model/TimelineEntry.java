package org.openysb.intake.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a case as the complainant may see it: public wording only, never internal notes. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_number", nullable = false, length = 20)
    public String caseNumber;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** The event that caused it, e.g. ComplaintSubmitted, CaseRouted. */
    @Column(nullable = false, length = 50)
    public String step;

    @Column(nullable = false, length = 500)
    public String description;

    public static TimelineEntry of(String caseNumber, OffsetDateTime at, String step, String description) {
        TimelineEntry entry = new TimelineEntry();
        entry.caseNumber = caseNumber;
        entry.occurredAt = at;
        entry.step = step;
        entry.description = description;
        return entry;
    }
}
