package org.openysb.routing.cases.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.routing.cases.model.RoutingDecision;

@ApplicationScoped
public class DecisionRepository implements PanacheRepository<RoutingDecision> {
    public List<RoutingDecision> listByCase(String caseNumber) {
        return list("caseNumber = ?1 order by decidedAt, id", caseNumber);
    }

    public java.util.Optional<RoutingDecision> latest(String caseNumber, RoutingDecision.Kind kind) {
        return find("caseNumber = ?1 and kind = ?2 order by id desc", caseNumber, kind)
                .firstResultOptional();
    }
}
