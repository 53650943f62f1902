package org.openysb.routing.matrix.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.routing.matrix.model.MatrixRow;
import org.openysb.routing.matrix.model.MatrixVersion;

@ApplicationScoped
public class MatrixRepository implements PanacheRepository<MatrixRow> {
    /** Rows of committed versions; a version never changes once written, so they are read once per instance. */
    private final Map<Integer, List<MatrixRow>> rowsByVersion = new ConcurrentHashMap<>();

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

    public List<MatrixVersion> versions() {
        return getEntityManager()
                .createQuery("from MatrixVersion order by version desc", MatrixVersion.class)
                .getResultList();
    }

    /**
     * The rows of a version, ordered by category and scope. Versions are immutable, so the rows are cached (detached:
     * read them, never change them).
     */
    public List<MatrixRow> rowsOf(int version) {
        List<MatrixRow> cached = rowsByVersion.get(version);
        if (cached != null) {
            return cached;
        }
        List<MatrixRow> rows = List.copyOf(list("version = ?1 order by category, scope", version));
        if (!rows.isEmpty()) {
            rowsByVersion.put(version, rows);
        }
        return rows;
    }

    public void persistVersion(MatrixVersion version) {
        getEntityManager().persist(version);
    }

    /** Serialises changes of the matrix (and first starts) across instances until the transaction ends. */
    public void lockForChange() {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(4711)")
                .getSingleResult();
    }
}
