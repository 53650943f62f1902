package org.openysb.intake.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.intake.model.CaseStatus;
import org.openysb.intake.model.Channel;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.TimelineEntry;
import org.openysb.intake.repository.ComplaintRepository;
import org.openysb.intake.repository.TimelineRepository;

/**
 * The Open311 GeoReport v2 view of intake: the responsibility matrix's categories are the services, and a request is
 * a case filed through Open311, shown without personal data or complaint text.
 */
@ApplicationScoped
public class Open311Service {
    private final Map<String, Service> services = loadServices("reference/responsibility-matrix.csv");
    private final ComplaintRepository complaints;
    private final TimelineRepository timeline;

    public Open311Service(ComplaintRepository complaints, TimelineRepository timeline) {
        this.complaints = complaints;
        this.timeline = timeline;
    }

    /** A category of the responsibility matrix as an Open311 service. */
    public record Service(String code, String nameZh, String nameEn, String leadUnit) {}

    /** What Open311 shows of a request: no personal data, no complaint text. */
    public record RequestStatus(
            String caseNumber,
            boolean closed,
            String statusNotes,
            String serviceCode,
            String serviceName,
            String agencyResponsible,
            OffsetDateTime requestedAt,
            OffsetDateTime updatedAt) {}

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public Optional<Service> service(String code) {
        return Optional.ofNullable(code == null ? null : services.get(code));
    }

    /** A case filed through Open311; cases of the other channels are not Open311 requests (empty). */
    @Transactional
    public Optional<RequestStatus> request(String caseNumber) {
        return complaints
                .findByCaseNumber(caseNumber)
                .filter(c -> c.channel == Channel.OPEN311)
                .map(this::toStatus);
    }

    private RequestStatus toStatus(Complaint c) {
        List<TimelineEntry> steps = timeline.listByCase(c.caseNumber);
        StringBuilder notes = new StringBuilder(c.status.label());
        String last = steps.isEmpty() ? null : steps.get(steps.size() - 1).description;
        if (last != null && !last.equals(c.status.label())) {
            notes.append("：").append(last);
        }
        Service service = services.get(c.categoryHint);
        return new RequestStatus(
                c.caseNumber,
                c.status == CaseStatus.CLOSED,
                notes.toString(),
                c.categoryHint,
                service == null ? null : service.nameZh(),
                c.assignedUnitName,
                ComplaintService.china(c.receivedAt),
                ComplaintService.china(c.updatedAt));
    }

    private static Map<String, Service> loadServices(String resource) {
        try (InputStream in = Open311Service.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            Map<String, Service> byCode = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .toList());
            for (String line : lines) {
                String[] cells = line.split(",", -1);
                // the first (city-wide) row of a category names it; district rows only change the lead unit
                byCode.putIfAbsent(
                        cells[0].strip(), new Service(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3]));
            }
            return byCode;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
