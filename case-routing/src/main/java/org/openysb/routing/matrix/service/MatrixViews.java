package org.openysb.routing.matrix.service;

import java.time.OffsetDateTime;
import java.util.List;

/** What administrators, dispatchers and coordinators see of the responsibility matrix and the units. */
public final class MatrixViews {
    private MatrixViews() {}

    public record Unit(String code, String nameZh, String nameEn, String kind) {}

    /** One row: category × scope → lead, co-handlers and basis. {@code id} is what routing decisions cite. */
    public record Row(
            long id,
            String category,
            String nameZh,
            String nameEn,
            String lead,
            String leadName,
            List<String> coHandlers,
            String scope,
            String basis) {}

    /** One field of a row before and after. */
    public record FieldChange(String field, String before, String after) {}

    /** ADDED, REMOVED or CHANGED row (category × scope) against the previous version. */
    public record Change(String change, String category, String scope, List<FieldChange> fields) {}

    /** A version: who made it, when, why, and what it changed. */
    public record Version(
            int version, OffsetDateTime createdAt, String createdBy, String note, int rows, List<Change> changes) {}

    /** A version with its rows. */
    public record Matrix(
            int version, OffsetDateTime createdAt, String createdBy, String note, boolean current, List<Row> rows) {}

    /** The result of an import or an edit: the version now in force and whether it is new. */
    public record Imported(boolean created, Version version) {}

    /** An edited or new row (category and scope come from the path). */
    public record RowEdit(
            String nameZh, String nameEn, String lead, List<String> coHandlers, String basis, String note) {}
}
