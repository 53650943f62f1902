package org.openysb.routing.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.routing.model.MatrixRow;
import org.openysb.routing.model.MatrixVersion;

@ApplicationScoped
public class MatrixRepository implements PanacheRepository<MatrixRow> {

    public Optional<MatrixVersion> currentVersion() {
        return getEntityManager()
                .createQuery("from MatrixVersion order by version desc", MatrixVersion.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<MatrixVersion> version(int version) {
        return Optional.ofNullable(getEntityManager().find(MatrixVersion.class, version));
    }

    public List<MatrixRow> rowsOf(int version) {
        return list("version = ?1 order by category, scope", version);
    }

    public void persistVersion(MatrixVersion version) {
        getEntityManager().persist(version);
    }
}
