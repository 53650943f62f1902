package org.openysb.routing.classification.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One training of the category classifier: when, on how many labelled cases, and why. */
@Entity
@Table(name = "classifier_version")
public class ClassifierVersion {
    @Id
    public Integer version;

    @Column(name = "trained_at", nullable = false)
    public OffsetDateTime trainedAt;

    @Column(nullable = false)
    public int examples;

    @Column(length = 500)
    public String note;
}
