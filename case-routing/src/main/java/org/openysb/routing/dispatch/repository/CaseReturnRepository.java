package org.openysb.routing.dispatch.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.routing.dispatch.model.CaseReturn;

@ApplicationScoped
public class CaseReturnRepository implements PanacheRepository<CaseReturn> {
    public List<CaseReturn> listByCase(String caseNumber) {
        return list("caseNumber = ?1 order by requestedAt, id", caseNumber);
    }

    public List<CaseReturn> listByUnit(String unit) {
        return list("unit = ?1 order by requestedAt desc, id desc", unit);
    }

    /** The return of this case that waits for arbitration, if any. */
    public java.util.Optional<CaseReturn> pendingArbitration(String caseNumber) {
        return find("caseNumber = ?1 and outcome = ?2 order by id desc", caseNumber, CaseReturn.Outcome.ARBITRATION)
                .firstResultOptional();
    }

    /** unit, outcome, improper, count. */
    public List<Object[]> countsByUnit() {
        return getEntityManager()
                .createQuery(
                        "select r.unit, r.outcome, r.improper, count(r) from CaseReturn r"
                                + " group by r.unit, r.outcome, r.improper order by r.unit",
                        Object[].class)
                .getResultList();
    }
}
