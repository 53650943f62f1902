package org.openysb.intake.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The cases with these numbers (those that exist), by case number, in one query. */
    public Map<String, Complaint> findByCaseNumbers(Collection<String> caseNumbers) {
        Map<String, Complaint> found = new HashMap<>();
        if (!caseNumbers.isEmpty()) {
            list("caseNumber in ?1", caseNumbers).forEach(c -> found.put(c.caseNumber, c));
        }
        return found;
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

    /** The cases with these ids (that still exist), as repeat candidates. */
    public List<RepeatCandidate> listCandidates(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select new org.openysb.intake.model.RepeatCandidate(c.caseNumber, c.title, c.content,"
                                + " c.district, c.complainant.mobileHash, c.repeatOf, c.receivedAt)"
                                + " from Complaint c where c.id in :ids",
                        RepeatCandidate.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /**
     * The newest cases of a district within the window: the candidates of a complaint whose window reaches further
     * back than the repeat index holds (an old postmark), compared the way cases were before near-duplicate keys.
     */
    public List<RepeatCandidate> listDistrictCandidates(
            String district, OffsetDateTime since, OffsetDateTime until, int limit) {
        return listRepeatCandidates("c.district = :key", district, since, until, limit);
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
