package org.openysb.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.intake.model.Complaint;
import org.openysb.outbox.OutboxRows;

/**
 * The statements of a batch of web submissions (see {@code SubmissionBatcher}), in plain JDBC on the caller's
 * connection and transaction: the earlier cases every complaint of the batch may repeat, in one query, and the cases
 * with their near-duplicate keys, first timeline step and outbox event, in one statement. They write the same rows as
 * {@code ComplaintService.submitComplaint} does through Hibernate for the other channels.
 */
@ApplicationScoped
public class SubmissionBatchRepository {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    // The earlier cases of a batch's complaints whose window reaches further back than the repeat index holds (an
    // old postmark; see RepeatIndex), as (kind, mobile hash, district, case id): every case of their complainants
    // within the window, and the newest cases of their districts — compared the way cases were before near-duplicate
    // keys. Two plain index scans (complaint_mobile_hash, complaint_district_received), without joins.
    public static final String FALLBACK = "select 1 as kind, c.complainant_mobile_hash, null as district, c.id"
            + " from complaint c where c.complainant_mobile_hash = any(cast(? as text[]))"
            + " and c.received_at >= cast(? as timestamptz) and c.received_at <= cast(? as timestamptz)"
            + " union all select 2, null, d.district, x.id from unnest(cast(? as text[])) as d(district)"
            + " cross join lateral (select c.id from complaint c where c.district = d.district"
            + " and c.received_at >= cast(? as timestamptz)"
            + " and c.received_at <= cast(? as timestamptz) order by c.received_at desc, c.id desc limit ?) x";

    /** How a stored case came up for a batch from the database (see {@link #FALLBACK}). */
    public enum HitKind {
        /** the same complainant */
        COMPLAINANT,
        /** one of the newest cases of the district */
        DISTRICT
    }

    /** A stored case that came up: through a complainant's mobile hash or a district. */
    public record Hit(HitKind kind, String mobileHash, String district, long complaintId) {}

    /** What repeat detection compares of a stored case (no personal data in clear). */
    public record Described(
            long id,
            String caseNumber,
            String district,
            String mobileHash,
            String repeatOf,
            OffsetDateTime receivedAt,
            String text) {}

    private static final String COMPLAINT_COLUMNS = "case_number, query_code_hash, channel, type, urgent, title,"
            + " content, district, category_hint, accused_unit, anonymous, confidential, complainant_kind,"
            + " complainant_name, complainant_mobile, complainant_mobile_hash, complainant_email, complainant_id_number,"
            + " complainant_credit_code, complainant_contact_person, owner_subject, received_at, status, repeat_of,"
            + " repeat_similarity, repeat_keys, updated_at";

    // One statement: the cases (in the batch's order, with their near-duplicate keys), their first timeline step and
    // their events (in the batch's order, which is the order the relay publishes them in).
    private static final String INSERT = "with input as (select * from unnest(cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as boolean[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]), cast(? as boolean[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(cast(? as text[]) as timestamptz[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as float8[]), cast(cast(? as text[]) as bytea[]), cast(cast(? as text[]) as timestamptz[]))"
            + " with ordinality as t(" + COMPLAINT_COLUMNS + ", ord)),"
            + " cases as (insert into complaint (" + COMPLAINT_COLUMNS + ", version)"
            + " select " + COMPLAINT_COLUMNS + ", 0 from input order by ord returning id, case_number, received_at),"
            + " steps as (insert into timeline_entry (case_number, occurred_at, step, description)"
            + " select case_number, updated_at, ?, ? from input order by ord),"
            + " events as (" + OutboxRows.INSERT + ")"
            + " select id, case_number from cases";

    /** A case ready to store: the complaint, its personal data already encrypted, and its event. */
    public record NewCase(
            Complaint complaint,
            String mobile,
            String email,
            String idNumber,
            String creditCode,
            OutboxRows.Row event) {}

    /**
     * What a batch reads from the database when the repeat index does not reach back far enough: the cases of the
     * complainants {@code mobileHashes}, and the newest {@code limit} cases of each of {@code districts}, received
     * between {@code since} and {@code until}.
     */
    public record FallbackQuery(
            java.util.Collection<String> mobileHashes,
            java.util.Collection<String> districts,
            OffsetDateTime since,
            OffsetDateTime until,
            int limit) {}

    /** The stored cases that came up for a batch (see {@link FallbackQuery}). */
    public List<Hit> fallback(Connection connection, FallbackQuery q) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(FALLBACK)) {
            int p = 1;
            s.setArray(p++, connection.createArrayOf("text", q.mobileHashes().toArray(String[]::new)));
            s.setString(p++, TIME.format(q.since()));
            s.setString(p++, TIME.format(q.until()));
            s.setArray(p++, connection.createArrayOf("text", q.districts().toArray(String[]::new)));
            s.setString(p++, TIME.format(q.since()));
            s.setString(p++, TIME.format(q.until()));
            s.setInt(p, q.limit());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    HitKind kind = HitKind.values()[r.getInt(1) - 1];
                    hits.add(new Hit(kind, r.getString(2), r.getString(3), r.getLong(4)));
                }
            }
        }
        return hits;
    }

    /** What repeat detection compares of the cases with these ids (their text is title and content). */
    public List<Described> describe(Connection connection, java.util.Collection<Long> ids) throws SQLException {
        List<Described> described = new ArrayList<>(ids.size());
        try (PreparedStatement s = connection.prepareStatement("select id, case_number, district,"
                + " complainant_mobile_hash, repeat_of, received_at, title, content from complaint"
                + " where id = any(cast(? as bigint[]))")) {
            s.setArray(1, connection.createArrayOf("int8", ids.toArray(Long[]::new)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    described.add(new Described(
                            r.getLong(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getObject(6, OffsetDateTime.class),
                            r.getString(7) + "\n" + r.getString(8)));
                }
            }
        }
        return described;
    }

    /** Stores the cases (with their keys), first timeline steps and events, in one statement; their ids by case number. */
    public Map<String, Long> insert(Connection connection, List<NewCase> cases, String step, String description)
            throws SQLException {
        int n = cases.size();
        Object[][] columns = new Object[27][n];
        List<OutboxRows.Row> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NewCase nc = cases.get(i);
            Complaint c = nc.complaint();
            Object[] row = {
                c.caseNumber,
                c.queryCodeHash,
                c.channel.name(),
                c.type.name(),
                c.urgent,
                c.title,
                c.content,
                c.district,
                c.categoryHint,
                c.accusedUnit,
                c.anonymous,
                c.confidential,
                c.complainant.kind.name(),
                c.complainant.name,
                nc.mobile(),
                c.complainant.mobileHash,
                nc.email(),
                nc.idNumber(),
                nc.creditCode(),
                c.complainant.contactPerson,
                c.ownerSubject,
                TIME.format(c.receivedAt),
                c.status.name(),
                c.repeatOf,
                c.repeatSimilarity,
                c.repeatKeys == null ? null : org.openysb.intake.model.RepeatSketch.toHex(c.repeatKeys),
                TIME.format(c.updatedAt)
            };
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
            events.add(nc.event());
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            int p = 1;
            for (Object[] column : columns) {
                s.setArray(p++, connection.createArrayOf(sqlType(column), copyOf(column)));
            }
            s.setString(p++, step);
            s.setString(p++, description);
            OutboxRows.bind(connection, s, p, events);
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.put(r.getString(2), r.getLong(1));
                }
            }
            if (ids.size() != n) {
                throw new SQLException("stored " + ids.size() + " of " + n + " cases");
            }
            return ids;
        }
    }

    private static String sqlType(Object[] column) {
        for (Object v : column) {
            if (v instanceof Boolean) {
                return "bool";
            }
            if (v instanceof Double) {
                return "float8";
            }
            if (v != null) {
                return "text";
            }
        }
        return "text";
    }

    /** The column as an array of its element type (the driver picks the array's type from it). */
    private static Object[] copyOf(Object[] column) {
        String type = sqlType(column);
        if (type.equals("bool")) {
            Boolean[] a = new Boolean[column.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (Boolean) column[i];
            }
            return a;
        }
        if (type.equals("float8")) {
            Double[] a = new Double[column.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (Double) column[i];
            }
            return a;
        }
        String[] a = new String[column.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (String) column[i];
        }
        return a;
    }
}
