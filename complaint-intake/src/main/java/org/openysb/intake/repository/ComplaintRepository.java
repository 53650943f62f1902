package org.openysb.intake.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.RepeatCandidate;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepository<Complaint> {

    public Optional<Complaint> findByCaseNumber(String caseNumber) {
        return find("caseNumber", caseNumber).firstResultOptional();
    }

    public List<Complaint> listByOwner(String subject) {
        return list("ownerSubject = ?1 order by receivedAt desc", subject);
    }

    /**
     * Cases of the same complainant (keyed hash of the mobile number) received between {@code since} and
     * {@code until}, newest first: a repeat candidate wherever it was filed.
     */
    public List<RepeatCandidate> listSameComplainantCandidates(
            String mobileHash, OffsetDateTime since, OffsetDateTime until, int limit) {
        return listRepeatCandidates("c.complainant.mobileHash = :key", mobileHash, since, until, limit);
    }

    /**
     * The cases of a district within the window that share at least one near-duplicate key with a new complaint,
     * newest first. The keys are looked up first (b-tree, a materialised step so that the plan never starts from the
     * district's cases), then the few cases they name are read by id. The window is applied to the cases, not in the
     * step: with the time condition there, a generic plan without statistics estimated the step at a row or two and
     * rescanned it for every case of the district (a thousand identical hotline orders no longer imported in 30 s).
     */
    @SuppressWarnings("unchecked")
    public List<RepeatCandidate> listNearDuplicateCandidates(
            String district, long[] keys, OffsetDateTime since, OffsetDateTime until, int limit) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("with hits as materialized (select distinct complaint_id from complaint_repeat_key"
                        + " where key = any(cast(?1 as bigint[])))"
                        + " select c.case_number, c.title, c.content, c.district, c.complainant_mobile_hash,"
                        + " c.repeat_of, c.received_at from hits h join complaint c on c.id = h.complaint_id"
                        + " where c.district = ?2 and c.received_at >= ?3 and c.received_at <= ?4"
                        + " order by c.received_at desc, c.id desc limit ?5")
                .setParameter(1, arrayLiteral(keys))
                .setParameter(2, district)
                .setParameter(3, since)
                .setParameter(4, until)
                .setParameter(5, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new RepeatCandidate(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        toOffsetDateTime(r[6])))
                .toList();
    }

    /** Stores a new case's near-duplicate keys (one statement) and marks it keyed. */
    public void storeRepeatKeys(Complaint complaint) {
        if (complaint.repeatKeys == null) {
            return;
        }
        getEntityManager()
                .createNativeQuery("insert into complaint_repeat_key (key, received_at, complaint_id)"
                        + " select unnest(cast(?1 as bigint[])), ?2, ?3")
                .setParameter(1, arrayLiteral(complaint.repeatKeys))
                .setParameter(2, complaint.receivedAt)
                .setParameter(3, complaint.id)
                .executeUpdate();
    }

    private static String arrayLiteral(long[] values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            array.append(i == 0 ? "" : ",").append(values[i]);
        }
        return array.append('}').toString();
    }

    /** Cases of a district accepted before near-duplicate keys existed (compared the old way while in the window). */
    public List<RepeatCandidate> listUnkeyedDistrictCandidates(
            String district, OffsetDateTime since, OffsetDateTime until, int limit) {
        return listRepeatCandidates("c.district = :key and c.repeatKeyed = false", district, since, until, limit);
    }

    /** When the newest case without near-duplicate keys was received, or null when every case has them. */
    public OffsetDateTime newestUnkeyed() {
        return getEntityManager()
                .createQuery(
                        "select max(c.receivedAt) from Complaint c where c.repeatKeyed = false", OffsetDateTime.class)
                .getSingleResult();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    // Two queries, not one with "or": a busy district's newest cases must not crowd the complainant's own out of
    // the limit. Each uses its own index (complaint_mobile_hash, complaint_district_received).
    private List<RepeatCandidate> listRepeatCandidates(
            String condition, String key, OffsetDateTime since, OffsetDateTime until, int limit) {
        return getEntityManager()
                .createQuery(
                        "select new org.openysb.intake.model.RepeatCandidate(c.caseNumber, c.title, c.content,"
                                + " c.district, c.complainant.mobileHash, c.repeatOf, c.receivedAt)"
                                + " from Complaint c where " + condition
                                + " and c.receivedAt >= :since and c.receivedAt <= :until"
                                + " order by c.receivedAt desc, c.id desc",
                        RepeatCandidate.class)
                .setParameter("key", key)
                .setParameter("since", since)
                .setParameter("until", until)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Complaint> listRepeatsOf(String caseNumber) {
        return list("repeatOf = ?1 order by receivedAt, id", caseNumber);
    }

    /** Next case number of the day, e.g. {@code TS202611210001}; unique and sortable. */
}
