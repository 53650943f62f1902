package org.openysb.routing.classification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.routing.classification.model.ClassifierVersion;

@ApplicationScoped
public class ClassifierVersionRepository implements PanacheRepositoryBase<ClassifierVersion, Integer> {
    public int latestVersion() {
        Integer max = getEntityManager()
                .createQuery("select max(v.version) from ClassifierVersion v", Integer.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /** Serialises version numbering across instances until the transaction ends. */
    public void lockForNewVersion() {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(4712)")
                .getSingleResult();
    }
}
