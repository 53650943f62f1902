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
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.RepeatCandidate;
import org.openysb.intake.service.RepeatDetection;

/**
 * The statements of a batch of web submissions (see {@code SubmissionBatcher}), in plain JDBC on the caller's
 * connection and transaction: the earlier cases every complaint of the batch may repeat, in one query, and the cases
 * with their near-duplicate keys, first timeline step and outbox event, in one statement. They write the same rows as
 * {@code ComplaintService.submitComplaint} does through Hibernate for the other channels.
 */
@ApplicationScoped
public class SubmissionBatchRepository {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String CANDIDATE_COLUMNS =
            "c.case_number, c.district, c.complainant_mobile_hash, c.repeat_of, c.received_at";

    // Per complaint (ord) three ways in, each newest first and limited like the one-by-one queries: the same
    // complainant's cases (complaint_mobile_hash), the district's cases sharing a near-duplicate key, and — only while
    // cases stored before the keys existed may be in the window — the district's unkeyed cases. Every step is a
    // lateral index lookup (key → b-tree on complaint_repeat_key, id → primary key), so that the plan never scans
    // the key table or a district's cases, whatever the planner guesses of the arrays' sizes ("offset 0" keeps the
    // planner from pulling the lookups up into joins: it then merged the whole key index, 196 ms instead of a few).
    public static final String CANDIDATES = "with q as materialized (select * from unnest(cast(? as int[]),"
            + " cast(? as text[]), cast(? as text[]), cast(cast(? as text[]) as timestamptz[]),"
            + " cast(cast(? as text[]) as timestamptz[])) as q(ord, district, mobile_hash, since, until)),"
            + " hits as materialized (select distinct k.ord, rk.complaint_id"
            + " from unnest(cast(? as int[]), cast(? as bigint[])) as k(ord, key)"
            + " cross join lateral (select complaint_id from complaint_repeat_key where key = k.key offset 0) rk),"
            + " near as (select q.ord, c.id, c.case_number, c.district,"
            + " c.complainant_mobile_hash, c.repeat_of, c.received_at, row_number() over (partition by q.ord"
            + " order by c.received_at desc, c.id desc) as n"
            + " from hits h join q on q.ord = h.ord"
            + " cross join lateral (select * from complaint where id = h.complaint_id offset 0) c"
            + " where c.district = q.district and c.received_at >= q.since and c.received_at <= q.until)"
            + " select q.ord, x.* from q cross join lateral (select " + CANDIDATE_COLUMNS + " from complaint c"
            + " where q.mobile_hash is not null and c.complainant_mobile_hash = q.mobile_hash"
            + " and c.received_at >= q.since and c.received_at <= q.until"
            + " order by c.received_at desc, c.id desc limit ?) x"
            + " union all"
            + " select near.ord, near.case_number, near.district,"
            + " near.complainant_mobile_hash, near.repeat_of, near.received_at from near where near.n <= ?"
            + " union all"
            + " select q.ord, x.* from q cross join lateral (select " + CANDIDATE_COLUMNS + " from complaint c"
            + " where cast(? as boolean) and c.district = q.district and not c.repeat_keyed"
            + " and c.received_at >= q.since and c.received_at <= q.until"
            + " order by c.received_at desc, c.id desc limit ?) x";

    private static final String COMPLAINT_COLUMNS = "case_number, query_code_hash, channel, type, urgent, title,"
            + " content, district, category_hint, accused_unit, anonymous, confidential, complainant_kind,"
            + " complainant_name, complainant_mobile, complainant_mobile_hash, complainant_email, complainant_id_number,"
            + " complainant_credit_code, complainant_contact_person, owner_subject, received_at, status, repeat_of,"
            + " repeat_similarity, repeat_keyed, updated_at";

    // One statement: the cases (in the batch's order), their keys (joined to the new ids by case number), their
    // first timeline step and their events (in the batch's order, which is the order the relay publishes them in).
    private static final String INSERT = "with input as (select * from unnest(cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as boolean[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]), cast(? as boolean[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(cast(? as text[]) as timestamptz[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as float8[]), cast(? as boolean[]), cast(cast(? as text[]) as timestamptz[]))"
            + " with ordinality as t(" + COMPLAINT_COLUMNS + ", ord)),"
            + " cases as (insert into complaint (" + COMPLAINT_COLUMNS + ", version)"
            + " select " + COMPLAINT_COLUMNS + ", 0 from input order by ord returning id, case_number),"
            + " keys as (insert into complaint_repeat_key (key, complaint_id) select k.key, cases.id"
            + " from unnest(cast(? as text[]), cast(? as bigint[])) as k(case_number, key)"
            + " join cases on cases.case_number = k.case_number),"
            + " steps as (insert into timeline_entry (case_number, occurred_at, step, description)"
            + " select case_number, updated_at, ?, ? from input order by ord),"
            + " events as (insert into outbox_event (id, topic, message_key, event_type, payload)"
            + " select e.id, e.topic, e.message_key, e.event_type, e.payload from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
            + " cast(? as text[])) with ordinality as e(id, topic, message_key, event_type, payload, ord) order by ord)"
            + " select count(*) from cases";

    /** A case ready to store: the complaint, its personal data already encrypted, and its event. */
    public record NewCase(
            Complaint complaint,
            String mobile,
            String email,
            String idNumber,
            String creditCode,
            UUID eventId,
            String topic,
            String eventType,
            String payload) {}

    /**
     * The earlier cases each query may repeat: index in {@code queries} → candidates (a case may appear twice, which
     * changes nothing), without their texts (title and content null: {@link #texts} reads those the caller does not
     * already know). Cases of the batch itself are not in the database yet; the caller compares them.
     */
    public Map<Integer, List<RepeatCandidate>> candidates(
            Connection connection, List<RepeatDetection.Query> queries, boolean unkeyed, int limit)
            throws SQLException {
        Map<Integer, List<RepeatCandidate>> result = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(CANDIDATES)) {
            bindCandidates(s, queries, unkeyed, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.computeIfAbsent(r.getInt(1), k -> new ArrayList<>())
                            .add(new RepeatCandidate(
                                    r.getString(2),
                                    null,
                                    null,
                                    r.getString(3),
                                    r.getString(4),
                                    r.getString(5),
                                    r.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return result;
    }

    /** Binds the parameters of {@link #CANDIDATES} (also for the benchmark's EXPLAIN of it). */
    public static void bindCandidates(
            PreparedStatement s, List<RepeatDetection.Query> queries, boolean unkeyed, int limit) throws SQLException {
        Connection connection = s.getConnection();
        int n = queries.size();
        Integer[] ords = new Integer[n];
        String[] districts = new String[n];
        String[] mobiles = new String[n];
        String[] since = new String[n];
        String[] until = new String[n];
        List<Integer> keyOrds = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RepeatDetection.Query q = queries.get(i);
            ords[i] = i;
            districts[i] = q.district();
            mobiles[i] = q.mobileHash();
            since[i] = TIME.format(q.since());
            until[i] = TIME.format(q.until());
            for (long key : q.lookupKeys()) {
                keyOrds.add(i);
                keys.add(key);
            }
        }
        int p = 1;
        s.setArray(p++, connection.createArrayOf("int4", ords));
        s.setArray(p++, connection.createArrayOf("text", districts));
        s.setArray(p++, connection.createArrayOf("text", mobiles));
        s.setArray(p++, connection.createArrayOf("text", since));
        s.setArray(p++, connection.createArrayOf("text", until));
        s.setArray(p++, connection.createArrayOf("int4", keyOrds.toArray(Integer[]::new)));
        s.setArray(p++, connection.createArrayOf("int8", keys.toArray(Long[]::new)));
        s.setInt(p++, limit);
        s.setInt(p++, limit);
        s.setBoolean(p++, unkeyed);
        s.setInt(p, limit);
    }

    /** Title and content ({@link RepeatCandidate#text()}) of cases, by case number. */
    public Map<String, String> texts(Connection connection, java.util.Collection<String> caseNumbers)
            throws SQLException {
        Map<String, String> texts = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select case_number, title, content from complaint where case_number = any(cast(? as text[]))")) {
            s.setArray(1, connection.createArrayOf("text", caseNumbers.toArray(String[]::new)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    texts.put(r.getString(1), r.getString(2) + "\n" + r.getString(3));
                }
            }
        }
        return texts;
    }

    /** Stores the cases with their keys, first timeline step and event, in one statement. */
    public void insert(Connection connection, List<NewCase> cases, String step, String description)
            throws SQLException {
        int n = cases.size();
        Object[][] columns = new Object[27][n];
        String[] eventIds = new String[n];
        String[] topics = new String[n];
        String[] keysOf = new String[n];
        String[] eventTypes = new String[n];
        String[] payloads = new String[n];
        List<String> keyCases = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
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
                c.repeatKeyed,
                TIME.format(c.updatedAt)
            };
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
            eventIds[i] = nc.eventId().toString();
            topics[i] = nc.topic();
            keysOf[i] = c.caseNumber;
            eventTypes[i] = nc.eventType();
            payloads[i] = nc.payload();
            if (c.repeatKeys != null) {
                for (long key : c.repeatKeys) {
                    keyCases.add(c.caseNumber);
                    keys.add(key);
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            int p = 1;
            for (Object[] column : columns) {
                s.setArray(p++, connection.createArrayOf(sqlType(column), copyOf(column)));
            }
            s.setArray(p++, connection.createArrayOf("text", keyCases.toArray(String[]::new)));
            s.setArray(p++, connection.createArrayOf("int8", keys.toArray(Long[]::new)));
            s.setString(p++, step);
            s.setString(p++, description);
            s.setArray(p++, connection.createArrayOf("text", eventIds));
            s.setArray(p++, connection.createArrayOf("text", topics));
            s.setArray(p++, connection.createArrayOf("text", keysOf));
            s.setArray(p++, connection.createArrayOf("text", eventTypes));
            s.setArray(p, connection.createArrayOf("text", payloads));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getInt(1) != n) {
                    throw new SQLException("stored " + r.getInt(1) + " of " + n + " cases");
                }
            }
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
