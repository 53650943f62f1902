package org.openysb.supervision.replytemplate.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.replytemplate.model.ReplyTemplate;

@ApplicationScoped
public class ReplyTemplateRepository implements PanacheRepositoryBase<ReplyTemplate, Long> {
    private final EntityManager em;

    public ReplyTemplateRepository(EntityManager em) {
        this.em = em;
    }

    /** Active templates for a category (and those for any category), city-wide or of the given units. */
    public List<ReplyTemplate> usable(String category, Collection<String> units, boolean allUnits) {
        String categoryClause = category == null ? "" : " and (category is null or category = :category)";
        String unitClause =
                allUnits ? "" : units.isEmpty() ? " and unit is null" : " and (unit is null or unit in :units)";
        var query = em.createQuery(
                "from ReplyTemplate where active" + categoryClause + unitClause
                        + " order by category nulls last, unit nulls last, title",
                ReplyTemplate.class);
        if (category != null) {
            query.setParameter("category", category);
        }
        if (!allUnits && !units.isEmpty()) {
            query.setParameter("units", units);
        }
        return query.getResultList();
    }

    /** Keeps the template's current text as its version (the history that edits never overwrite). */
    public void snapshot(ReplyTemplate t) {
        em.createNativeQuery("insert into reply_template_version"
                        + " (template_id, version, title, body, active, updated_by, updated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, t.id)
                .setParameter(2, t.version)
                .setParameter(3, t.title)
                .setParameter(4, t.body)
                .setParameter(5, t.active)
                .setParameter(6, t.updatedBy)
                .setParameter(7, t.updatedAt)
                .executeUpdate();
    }

    /** Every version of a template, newest first: version, title, body, active, updated_by, updated_at. */
    public List<Object[]> versions(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, title, body, active, updated_by, updated_at"
                        + " from reply_template_version where template_id = ?1 order by version desc")
                .setParameter(1, id)
                .getResultList();
        return rows;
    }
}
