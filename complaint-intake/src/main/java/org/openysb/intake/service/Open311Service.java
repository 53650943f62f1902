package org.openysb.intake.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.intake.model.CaseStatus;
import org.openysb.intake.repository.PublicRequestRepository;

/**
 * The Open311 GeoReport v2 view of intake: the responsibility matrix's categories are the services, and a request is
 * a case filed through Open311, shown without personal data or complaint text, and only when the public may see it
 * at all ({@link PublicVisibility}).
 */
@ApplicationScoped
public class Open311Service {
    private final Map<String, Service> services = loadServices("reference/responsibility-matrix.csv");
    private final PublicRequestRepository requests;
    private final PublicVisibility visibility;

    public Open311Service(PublicRequestRepository requests, PublicVisibility visibility) {
        this.requests = requests;
        this.visibility = visibility;
    }

    /** A category of the responsibility matrix as an Open311 service. */
    public record Service(String code, String nameZh, String nameEn, String leadUnit) {}

    /**
     * What Open311 shows of a request: no personal data, no complaint text.
     *
     * @param expectedAt the lead unit's handling deadline once its work item is open, else null
     */
    public record RequestStatus(
            String caseNumber,
            boolean closed,
            String statusNotes,
            String serviceCode,
            String serviceName,
            String agencyResponsible,
            OffsetDateTime requestedAt,
            OffsetDateTime updatedAt,
            OffsetDateTime expectedAt) {}

    /**
     * Get Service Requests' filters: requests received in {@code [since, until)}, of these services (all when empty),
     * open or closed ones only (null: both), page {@code page} (from 1) of {@code pageSize}.
     */
    public record RequestQuery(
            OffsetDateTime since,
            OffsetDateTime until,
            Set<String> serviceCodes,
            Boolean closed,
            int page,
            int pageSize) {}

    /** One page of requests, newest first, and whether another page follows. */
    public record RequestPage(List<RequestStatus> requests, boolean more) {}

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public Optional<Service> service(String code) {
        return Optional.ofNullable(code == null ? null : services.get(code));
    }

    /** Whether requests of this service are never shown (the discipline commission's). */
    public boolean withheld(String serviceCode) {
        return visibility.withheldServices().contains(serviceCode);
    }

    /**
     * The cases among these case numbers that the public may see ({@link PublicVisibility}), in the order asked; an
     * unknown case, a case of another channel and a withheld one are alike left out.
     */
    @Transactional
    public List<RequestStatus> requests(List<String> caseNumbers) {
        Map<String, PublicRequestRepository.Row> found = new HashMap<>();
        for (PublicRequestRepository.Row row : requests.find(caseNumbers, visibility.withheldServices())) {
            found.put(row.caseNumber(), row);
        }
        List<PublicRequestRepository.Row> rows =
                caseNumbers.stream().map(found::get).filter(Objects::nonNull).toList();
        return toStatuses(rows);
    }

    /** The public, routed cases of the query's window and filters, newest first. */
    @Transactional
    public RequestPage requests(RequestQuery query) {
        List<PublicRequestRepository.Row> rows = requests.list(
                new PublicRequestRepository.Filter(
                        query.since(),
                        query.until(),
                        query.serviceCodes(),
                        query.closed(),
                        (query.page() - 1) * query.pageSize(),
                        query.pageSize() + 1),
                visibility.withheldServices());
        boolean more = rows.size() > query.pageSize();
        return new RequestPage(toStatuses(more ? rows.subList(0, query.pageSize()) : rows), more);
    }

    private List<RequestStatus> toStatuses(List<PublicRequestRepository.Row> rows) {
        Map<String, String> latest = requests.latestSteps(
                rows.stream().map(PublicRequestRepository.Row::caseNumber).toList());
        List<RequestStatus> statuses = new ArrayList<>(rows.size());
        for (PublicRequestRepository.Row row : rows) {
            StringBuilder notes = new StringBuilder(row.status().label());
            String last = latest.get(row.caseNumber());
            if (last != null && !last.equals(row.status().label())) {
                notes.append("：").append(last);
            }
            Service service = row.serviceCode() == null ? null : services.get(row.serviceCode());
            statuses.add(new RequestStatus(
                    row.caseNumber(),
                    row.status() == CaseStatus.CLOSED,
                    notes.toString(),
                    row.serviceCode(),
                    service == null ? null : service.nameZh(),
                    row.agency(),
                    ComplaintService.china(row.requestedAt()),
                    ComplaintService.china(row.updatedAt()),
                    row.expectedAt() == null ? null : ComplaintService.china(row.expectedAt())));
        }
        return statuses;
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
