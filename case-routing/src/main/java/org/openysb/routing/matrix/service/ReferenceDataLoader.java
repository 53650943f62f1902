package org.openysb.routing.matrix.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.openysb.routing.classification.service.ClassifierService;
import org.openysb.routing.matrix.model.MatrixRow;
import org.openysb.routing.matrix.model.MatrixVersion;
import org.openysb.routing.matrix.model.Unit;
import org.openysb.routing.matrix.repository.MatrixRepository;
import org.openysb.routing.matrix.repository.UnitRepository;

/** Loads the default units and responsibility matrix at first start; afterwards the database owns them. */
@ApplicationScoped
public class ReferenceDataLoader {
    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    private final UnitRepository units;
    private final MatrixRepository matrix;
    private final ClassifierService classifiers;

    public ReferenceDataLoader(UnitRepository units, MatrixRepository matrix, ClassifierService classifiers) {
        this.units = units;
        this.matrix = matrix;
        this.classifiers = classifiers;
    }

    /** Opens when the units, the matrix and the classifier are committed and ready. */
    private final CountDownLatch loaded = new CountDownLatch(1);

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::load);
        loaded.countDown();
    }

    /**
     * Waits until the reference data is loaded. The Kafka consumers start together with the application and may
     * receive a backlog before the first start has committed the matrix: they wait here instead of failing those
     * complaints into the dead-letter topic.
     */
    public void awaitLoaded() {
        try {
            if (!loaded.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("reference data not loaded after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void load() {
        // serialise concurrent first starts of several instances
        matrix.lockForChange();
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
            for (String[] cells : readCsv("reference/responsibility-matrix.csv")) { // same format as the matrix import
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
            units.getEntityManager().flush();
        }
        // train before the first complaint arrives (and before the consumers and the first decision need it)
        int current = matrix.currentVersion().orElseThrow().version;
        classifiers.classifier(
                matrix.rowsOf(current).stream().map(r -> r.category).collect(java.util.stream.Collectors.toSet()));
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
