package org.openysb.intake.repository;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.intake.model.Complaint;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepository<Complaint> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public Optional<Complaint> findByCaseNumber(String caseNumber) {
        return find("caseNumber", caseNumber).firstResultOptional();
    }

    public List<Complaint> listByOwner(String subject) {
        return list("ownerSubject = ?1 order by receivedAt desc", subject);
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
