package org.openysb.supervision.model;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A listed day of the holiday notice: a holiday (off) or a make-up working day (调休). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {
    @Id
    public LocalDate day;

    @Column(nullable = false)
    public int year;

    @Column(name = "off_day", nullable = false)
    public boolean offDay;

    @Column(nullable = false, length = 100)
    public String name;

    /** The reference (文号) of the notice of a one-off day; null for the days of a yearly notice. */
    @Column(length = 200)
    public String reference;

    /** The date of the notice of a one-off day. */
    @Column(name = "notice_date")
    public java.time.LocalDate noticeDate;
}
