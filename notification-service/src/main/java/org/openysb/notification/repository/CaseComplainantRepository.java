package org.openysb.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.notification.model.CaseComplainant;

@ApplicationScoped
public class CaseComplainantRepository implements PanacheRepositoryBase<CaseComplainant, String> {
    /** Keeps the first complainant of a case (a repeated event changes nothing). */
    public void rememberOnce(CaseComplainant c) {
        getEntityManager()
                .createNativeQuery(
                        "insert into case_complainant (case_number, complainant, masked_mobile, urgent, contactable)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict (case_number) do nothing")
                .setParameter(1, c.caseNumber)
                .setParameter(2, c.complainant)
                .setParameter(3, c.maskedMobile)
                .setParameter(4, c.urgent)
                .setParameter(5, c.contactable)
                .executeUpdate();
    }
}
