package org.openysb.supervision.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.supervision.model.TrailEntry;

@ApplicationScoped
public class TrailRepository implements PanacheRepository<TrailEntry> {
    public List<TrailEntry> listByCase(String caseNumber) {
        return list("caseNumber = ?1 order by seq", caseNumber);
    }

    public Optional<TrailEntry> last(String caseNumber) {
        return find("caseNumber = ?1 order by seq desc", caseNumber).firstResultOptional();
    }
}
