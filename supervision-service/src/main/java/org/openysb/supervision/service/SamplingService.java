package org.openysb.supervision.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.SampleRepository;
import org.openysb.supervision.repository.WorkItemRepository;

/**
 * 双随机: draws N closed cases per unit for a month's re-visit. The draw is reproducible: the same seed over the same
 * closed cases draws the same cases (units in code order, each unit's cases in case-number order, then a seeded
 * Fisher-Yates selection), and the seed is recorded with the draw.
 */
@ApplicationScoped
public class SamplingService {
    private final SampleRepository samples;
    private final WorkItemRepository workItems;
    private final TrailService trail;
    static final long MAX_EXACT_SEED = (1L << 53) - 1;
    private final SecureRandom seeds = new SecureRandom();
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public SamplingService(SampleRepository samples, WorkItemRepository workItems, TrailService trail) {
        this.samples = samples;
        this.workItems = workItems;
        this.trail = trail;
    }

    /** A draw with the cases drawn per unit and how many closed cases each unit had. */
    public record DrawView(
            String id,
            String period,
            int perUnit,
            long seed,
            String drawnBy,
            OffsetDateTime drawnAt,
            Map<String, List<String>> cases,
            Map<String, RevisitView> revisits) {}

    /** 回访复核 outcomes: the handling was as recorded, a problem was found, the complainant could not be reached. */
    public static final List<String> REVISIT_OUTCOMES = List.of("CONFIRMED", "PROBLEM_FOUND", "UNREACHABLE");

    /** The re-visit of one drawn case. */
    public record RevisitView(
            String caseNumber, String outcome, String note, String recordedBy, OffsetDateTime recordedAt) {
        static RevisitView of(SampleRepository.Revisit r) {
            return new RevisitView(
                    r.caseNumber(),
                    r.outcome(),
                    r.note(),
                    r.recordedBy(),
                    r.recordedAt().atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime());
        }
    }

    @Transactional
    public DrawView draw(YearMonth period, int perUnit, Long seed, String actor) {
        // a drawn seed stays within 2^53 so that a browser reads it exactly (JSON numbers are doubles there)
        long usedSeed = seed != null ? seed : seeds.nextLong() & MAX_EXACT_SEED;
        OffsetDateTime from =
                period.atDay(1).atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime();
        OffsetDateTime to = period.plusMonths(1)
                .atDay(1)
                .atStartOfDay(WorkingCalendar.CHINA)
                .toOffsetDateTime();
        Map<String, List<String>> drawn = select(samples.closedCasesByUnit(from, to), perUnit, usedSeed);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SampleRepository.Draw draw = new SampleRepository.Draw(
                UUID.randomUUID().toString(), period.toString(), perUnit, usedSeed, actor, now);
        samples.saveDraw(draw, drawn);
        drawn.values().stream().flatMap(List::stream).forEach(cn -> {
            String status = workItems.findById(cn).status.name();
            trail.append(cn, now, actor, "sampled", status, status, "双随机抽查 " + period + "（抽样 " + draw.id() + "）");
        });
        return view(draw, drawn, Map.of());
    }

    /**
     * 回访复核: records the re-visit of a drawn case once, on the case's trail; 404 when the case is not in the draw,
     * 409 when its re-visit was already recorded.
     */
    @Transactional
    public RevisitView recordRevisit(String drawId, String caseNumber, String outcome, String note, String actor) {
        samples.findDraw(drawId).orElseThrow(() -> DomainException.notFound("sample draw", drawId));
        samples.unitOf(drawId, caseNumber)
                .orElseThrow(() -> DomainException.notFound("case in sample draw " + drawId, caseNumber));
        OffsetDateTime now = OffsetDateTime.now(clock);
        SampleRepository.Revisit revisit = new SampleRepository.Revisit(caseNumber, outcome, note, actor, now);
        if (!samples.saveRevisit(drawId, revisit)) {
            SampleRepository.Revisit earlier = samples.revisitsOf(drawId).get(caseNumber);
            throw DomainException.conflict(
                    "revisit-recorded",
                    "该案件的回访复核结果已登记",
                    "The re-visit of this case has already been recorded",
                    caseNumber + " was recorded as " + earlier.outcome() + " by " + earlier.recordedBy() + " at "
                            + earlier.recordedAt());
        }
        String status = java.util.Optional.ofNullable(workItems.findById(caseNumber))
                .map(w -> w.status.name())
                .orElse(null);
        trail.append(
                caseNumber,
                now,
                actor,
                "revisit",
                status,
                status == null ? "CLOSED" : status,
                "回访复核（抽样 " + drawId + "）：" + outcome + (note == null || note.isBlank() ? "" : "，" + note));
        return RevisitView.of(revisit);
    }

    @Transactional
    public DrawView find(String id) {
        return samples.findDraw(id)
                .map(d -> view(d, samples.casesOf(id), samples.revisitsOf(id)))
                .orElseThrow(() -> DomainException.notFound("sample draw", id));
    }

    @Transactional
    public List<DrawView> list(String period) {
        return samples.listDraws(period).stream()
                .map(d -> view(d, samples.casesOf(d.id()), samples.revisitsOf(d.id())))
                .toList();
    }

    /** The seeded selection: for each unit in order, the first {@code perUnit} of a seeded partial shuffle. */
    static Map<String, List<String>> select(Map<String, List<String>> candidates, int perUnit, long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        candidates.keySet().stream().sorted().forEach(unit -> {
            List<String> pool = new ArrayList<>(candidates.get(unit));
            pool.sort(null);
            int n = Math.min(perUnit, pool.size());
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(pool.size() - i);
                String t = pool.get(i);
                pool.set(i, pool.get(j));
                pool.set(j, t);
            }
            List<String> chosen = new ArrayList<>(pool.subList(0, n));
            chosen.sort(null);
            drawn.put(unit, List.copyOf(chosen));
        });
        return drawn;
    }

    private static DrawView view(
            SampleRepository.Draw d, Map<String, List<String>> cases, Map<String, SampleRepository.Revisit> revisits) {
        Map<String, RevisitView> byCase = new LinkedHashMap<>();
        revisits.forEach((cn, r) -> byCase.put(cn, RevisitView.of(r)));
        return new DrawView(
                d.id(),
                d.period(),
                d.perUnit(),
                d.seed(),
                d.drawnBy(),
                d.drawnAt().atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime(),
                cases,
                byCase);
    }
}
