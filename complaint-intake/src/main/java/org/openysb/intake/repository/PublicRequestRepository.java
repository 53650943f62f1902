package org.openysb.intake.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.openysb.intake.model.CaseStatus;
import org.openysb.intake.model.Channel;

/**
 * Open311 requests as the public may see them (only the columns shown, never the text or the complainant): cases
 * filed through Open311 that are not confidential, name no accused unit, are not withheld as possible misconduct and
 * are not of a withheld service.
 */
@ApplicationScoped
public class PublicRequestRepository {
    /** The public columns of one case. */
    public record Row(
            String caseNumber,
            CaseStatus status,
            String serviceCode,
            String agency,
            OffsetDateTime requestedAt,
            OffsetDateTime updatedAt,
            OffsetDateTime expectedAt) {}

    /**
     * Filters of Get Service Requests.
     *
     * @param serviceCodes the services to include, or empty for all
     * @param closed true for closed cases only, false for open ones only, null for both
     */
    public record Filter(
            OffsetDateTime since,
            OffsetDateTime until,
            Set<String> serviceCodes,
            Boolean closed,
            int offset,
            int limit) {}

    private static final String SELECT = "select new " + Row.class.getName()
            + "(c.caseNumber, c.status, c.categoryHint, c.assignedUnitName, c.receivedAt, c.updatedAt,"
            + " c.expectedReplyBy) from Complaint c"
            + " where c.channel = :channel and c.confidential = false and c.accusedUnit is null"
            + " and c.publicWithheld = false and (c.categoryHint is null or c.categoryHint not in :withheld)";

    private final EntityManager em;

    public PublicRequestRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The public cases received in {@code [since, until)} that routing has decided (a case is listed only once its
     * routing outcome is known), newest first.
     */
    public List<Row> list(Filter filter, Set<String> withheldServices) {
        StringBuilder jpql = new StringBuilder(SELECT)
                .append(" and c.routingDecidedAt is not null and c.receivedAt >= :since and c.receivedAt < :until");
        if (!filter.serviceCodes().isEmpty()) {
            jpql.append(" and c.categoryHint in :services");
        }
        if (filter.closed() != null) {
            jpql.append(filter.closed() ? " and c.status = :closedStatus" : " and c.status <> :closedStatus");
        }
        jpql.append(" order by c.receivedAt desc, c.caseNumber desc");
        TypedQuery<Row> query = query(jpql.toString(), withheldServices)
                .setParameter("since", filter.since())
                .setParameter("until", filter.until())
                .setFirstResult(filter.offset())
                .setMaxResults(filter.limit());
        if (!filter.serviceCodes().isEmpty()) {
            query.setParameter("services", filter.serviceCodes());
        }
        if (filter.closed() != null) {
            query.setParameter("closedStatus", CaseStatus.CLOSED);
        }
        return query.getResultList();
    }

    /** The public cases among these case numbers, in no particular order. */
    public List<Row> find(Collection<String> caseNumbers, Set<String> withheldServices) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return query(SELECT + " and c.caseNumber in :numbers", withheldServices)
                .setParameter("numbers", caseNumbers)
                .getResultList();
    }

    /** The latest public timeline step of each case, by case number. */
    public Map<String, String> latestSteps(Collection<String> caseNumbers) {
        Map<String, String> latest = new HashMap<>();
        if (caseNumbers.isEmpty()) {
            return latest;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (case_number) case_number, description"
                        + " from timeline_entry where case_number in (:numbers)"
                        + " order by case_number, occurred_at desc, id desc")
                .setParameter("numbers", caseNumbers)
                .getResultList();
        for (Object[] row : rows) {
            latest.put((String) row[0], (String) row[1]);
        }
        return latest;
    }

    private TypedQuery<Row> query(String jpql, Set<String> withheldServices) {
        return em.createQuery(jpql, Row.class)
                .setParameter("channel", Channel.OPEN311)
                // "not in ()" is not valid SQL: an impossible code stands in for no withheld service
                .setParameter("withheld", withheldServices.isEmpty() ? Set.of("-") : withheldServices);
    }
}
