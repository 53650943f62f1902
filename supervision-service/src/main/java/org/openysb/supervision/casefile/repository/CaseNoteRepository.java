package org.openysb.supervision.casefile.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.casefile.model.CaseNote;

@ApplicationScoped
public class CaseNoteRepository implements PanacheRepositoryBase<CaseNote, Long> {
    public List<CaseNote> ofCase(String caseNumber) {
        return list("caseNumber = ?1 order by createdAt, id", caseNumber);
    }
}
