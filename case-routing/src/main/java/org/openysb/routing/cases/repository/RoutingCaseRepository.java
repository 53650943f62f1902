package org.openysb.routing.cases.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.routing.cases.model.RoutingCase;

@ApplicationScoped
public class RoutingCaseRepository implements PanacheRepositoryBase<RoutingCase, String> {
    /** Urgent cases first, then oldest first. */
    public List<RoutingCase> listByStatus(RoutingCase.Status status, int limit) {
        return find("status = ?1 order by urgent desc, receivedAt, caseNumber", status)
                .page(0, limit)
                .list();
    }
}
