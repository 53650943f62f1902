package org.openysb.intake.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.RepeatCandidate;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepository<Complaint> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public Optional<Complaint> findByCaseNumber(String caseNumber) {
        return find("caseNumber", caseNumber).firstResultOptional();
    }

    public List<Complaint> listByOwner(String subject) {
        return list("ownerSubject = ?1 order by receivedAt desc", subject);
    }

    /**
     * Earlier cases a new complaint may repeat: received since {@code since}, in the same district or from the same
     * mobile number (keyed hash), newest first.
     */
    public List<RepeatCandidate> listRepeatCandidates(
            String district, String mobileHash, OffsetDateTime since, int limit) {
        return getEntityManager()
                .createQuery(
                        "select new org.openysb.intake.model.RepeatCandidate(c.caseNumber, c.title, c.content,"
                                + " c.district, c.complainant.mobileHash, c.repeatOf, c.receivedAt)"
                                + " from Complaint c where c.receivedAt >= :since"
                                + " and (c.district = :district or c.complainant.mobileHash = :mobileHash)"
                                + " order by c.receivedAt desc, c.id desc",
                        RepeatCandidate.class)
                .setParameter("since", since)
                .setParameter("district", district)
                .setParameter("mobileHash", mobileHash == null ? "-" : mobileHash)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Complaint> listRepeatsOf(String caseNumber) {
        return list("repeatOf = ?1 order by receivedAt, id", caseNumber);
    }

    /** Next case number of the day, e.g. {@code TS202611210001}; unique and sortable. */
    public String nextCaseNumber(LocalDate day) {
        Number next = (Number) getEntityManager()
                .createNativeQuery("insert into case_number_counter (day, last_used) values (?1, 1)"
                        + " on conflict (day) do update set last_used = case_number_counter.last_used + 1"
                        + " returning last_used")
                .setParameter(1, day)
                .getSingleResult();
        return "TS" + DAY.format(day) + String.format("%04d", next.intValue());
    }
}
