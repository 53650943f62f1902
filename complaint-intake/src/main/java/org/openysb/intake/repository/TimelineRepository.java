package org.openysb.intake.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.intake.model.TimelineEntry;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {
    public List<TimelineEntry> listByCase(String caseNumber) {
        return list("caseNumber = ?1 order by occurredAt, id", caseNumber);
    }
}
