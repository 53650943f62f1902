package org.openysb.supervision.casefile.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.casefile.model.CaseComplaint;

@ApplicationScoped
public class CaseComplaintRepository implements PanacheRepositoryBase<CaseComplaint, String> {
    /** The cases received as repeats (并单) of {@code caseNumber}, oldest first. */
    public List<String> repeatsOf(String caseNumber) {
        return find("repeatOf = ?1 order by receivedAt", caseNumber).project(CaseNumberOnly.class).list().stream()
                .map(CaseNumberOnly::caseNumber)
                .toList();
    }

    public record CaseNumberOnly(String caseNumber) {}
}
