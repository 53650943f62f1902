package org.openysb.routing.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.openysb.routing.model.MatrixRow;
import org.openysb.routing.model.MatrixVersion;
import org.openysb.routing.model.Unit;
import org.openysb.routing.repository.MatrixRepository;
import org.openysb.routing.repository.UnitRepository;

/** Loads the default units and responsibility matrix at first start; afterwards the database owns them. */
@ApplicationScoped
public class ReferenceDataLoader {
    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    private final UnitRepository units;
    private final MatrixRepository matrix;

    public ReferenceDataLoader(UnitRepository units, MatrixRepository matrix) {
        this.units = units;
        this.matrix = matrix;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        // serialise concurrent first starts of several instances
        units.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(4711)")
                .getSingleResult();
        if (units.count() == 0) {
            for (String[] cells : readCsv("reference/departments.csv")) {
                Unit unit = new Unit();
                unit.code = cells[0];
                unit.nameZh = cells[1];
                unit.nameEn = cells[2];
                unit.kind = cells[3];
                units.persist(unit);
            }
            LOG.infof("loaded %d units", units.count());
        }
        if (matrix.currentVersion().isEmpty()) {
            MatrixVersion version = new MatrixVersion();
            version.version = 1;
            version.createdAt = OffsetDateTime.now();
            version.createdBy = "system";
            version.note = "default matrix (responsibility-matrix.csv)";
            matrix.persistVersion(version);
            for (String[] cells : readCsv("reference/responsibility-matrix.csv")) {
                MatrixRow row = new MatrixRow();
                row.version = 1;
                row.category = cells[0];
                row.nameZh = cells[1];
                row.nameEn = cells[2];
                row.lead = cells[3];
                row.coHandlers = cells[4];
                row.scope = cells[5];
                row.basis = cells[6];
                matrix.persist(row);
            }
            LOG.infof("loaded responsibility matrix version 1 with %d rows", matrix.count());
        }
    }

    static List<String[]> readCsv(String resource) {
        try (InputStream in = ReferenceDataLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", 7))
                    .map(cells -> {
                        for (int i = 0; i < cells.length; i++) {
                            cells[i] = cells[i].trim();
                        }
                        return cells;
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
