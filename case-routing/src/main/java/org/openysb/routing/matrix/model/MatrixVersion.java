package org.openysb.routing.matrix.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One immutable version of the responsibility matrix: who changed it, when, and why. */
@Entity
@Table(name = "matrix_version")
public class MatrixVersion {
    @Id
    public Integer version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(length = 1000)
    public String note;

    /** What changed against the previous version: a JSON list of added, removed and changed rows. */
    @Column(columnDefinition = "text")
    public String changes;
}
