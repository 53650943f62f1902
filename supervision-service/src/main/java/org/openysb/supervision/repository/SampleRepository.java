package org.openysb.supervision.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The draws of 双随机 random sampling and the closed cases they are drawn from. */
@ApplicationScoped
public class SampleRepository {
    private final EntityManager entityManager;

    public SampleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A recorded draw. */
    public record Draw(String id, String period, int perUnit, long seed, String drawnBy, OffsetDateTime drawnAt) {}

    /** Closed cases whose close-out falls in [from, to), by lead unit (units and cases in a stable order). */
    public Map<String, List<String>> closedCasesByUnit(OffsetDateTime from, OffsetDateTime to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select lead_unit, case_number from work_item where status = 'CLOSED'"
                        + " and closed_at >= ?1 and closed_at < ?2 order by lead_unit, case_number")
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byUnit.computeIfAbsent((String) row[0], u -> new ArrayList<>()).add((String) row[1]);
        }
        return byUnit;
    }

    public void saveDraw(Draw draw, Map<String, List<String>> casesByUnit) {
        entityManager
                .createNativeQuery("insert into sample_draw (id, period, per_unit, seed, drawn_by, drawn_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, draw.id())
                .setParameter(2, draw.period())
                .setParameter(3, draw.perUnit())
                .setParameter(4, draw.seed())
                .setParameter(5, draw.drawnBy())
                .setParameter(6, draw.drawnAt())
                .executeUpdate();
        casesByUnit.forEach((unit, cases) -> cases.forEach(cn -> entityManager
                .createNativeQuery("insert into sample_case (draw_id, case_number, unit_code) values (?1, ?2, ?3)")
                .setParameter(1, draw.id())
                .setParameter(2, cn)
                .setParameter(3, unit)
                .executeUpdate()));
    }

    public Optional<Draw> findDraw(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select id, period, per_unit, seed, drawn_by, drawn_at from sample_draw where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(SampleRepository::draw);
    }

    public List<Draw> listDraws(String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                // cast: PostgreSQL cannot type a parameter that is only compared with null
                .createNativeQuery("select id, period, per_unit, seed, drawn_by, drawn_at from sample_draw"
                        + " where (cast(?1 as varchar) is null or period = cast(?1 as varchar))"
                        + " order by drawn_at desc")
                .setParameter(1, period)
                .getResultList();
        return rows.stream().map(SampleRepository::draw).toList();
    }

    public Map<String, List<String>> casesOf(String drawId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select unit_code, case_number from sample_case where draw_id = ?1"
                        + " order by unit_code, case_number")
                .setParameter(1, drawId)
                .getResultList();
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byUnit.computeIfAbsent((String) row[0], u -> new ArrayList<>()).add((String) row[1]);
        }
        return byUnit;
    }

    /** 回访复核: the re-visit result of one drawn case. */
    public record Revisit(
            String caseNumber, String outcome, String note, String recordedBy, OffsetDateTime recordedAt) {}

    /** The unit a case was drawn for in a draw, if it was drawn. */
    public Optional<String> unitOf(String drawId, String caseNumber) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager
                .createNativeQuery("select unit_code from sample_case where draw_id = ?1 and case_number = ?2")
                .setParameter(1, drawId)
                .setParameter(2, caseNumber)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** Records a re-visit once; false when this case's re-visit was already recorded. */
    public boolean saveRevisit(String drawId, Revisit revisit) {
        return entityManager
                        .createNativeQuery("insert into sample_revisit"
                                + " (draw_id, case_number, outcome, note, recorded_by, recorded_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, drawId)
                        .setParameter(2, revisit.caseNumber())
                        .setParameter(3, revisit.outcome())
                        .setParameter(4, revisit.note())
                        .setParameter(5, revisit.recordedBy())
                        .setParameter(6, revisit.recordedAt())
                        .executeUpdate()
                == 1;
    }

    /** The re-visits recorded for a draw, by case number. */
    public Map<String, Revisit> revisitsOf(String drawId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select case_number, outcome, note, recorded_by, recorded_at from sample_revisit"
                        + " where draw_id = ?1 order by case_number")
                .setParameter(1, drawId)
                .getResultList();
        Map<String, Revisit> byCase = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byCase.put(
                    (String) row[0],
                    new Revisit((String) row[0], (String) row[1], (String) row[2], (String) row[3], toOffset(row[4])));
        }
        return byCase;
    }

    private static Draw draw(Object[] row) {
        return new Draw(
                (String) row[0],
                (String) row[1],
                ((Number) row[2]).intValue(),
                ((Number) row[3]).longValue(),
                (String) row[4],
                toOffset(row[5]));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
