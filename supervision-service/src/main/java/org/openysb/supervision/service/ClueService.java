package org.openysb.supervision.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ClueRaised;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.supervision.model.Clue;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.ClueRepository;
import org.openysb.supervision.repository.WorkItemRepository;

/**
 * 线索台账: raises clues (automatically from the inaction signals, or by an inspector's hand), lists them and closes
 * them out with a finding. Every clue is on its case's trail and goes out as ClueRaised (never naming the
 * complainant).
 */
@ApplicationScoped
public class ClueService {
    private static final Logger LOG = Logger.getLogger(ClueService.class);
    public static final String SYSTEM = "SYSTEM";

    private final ClueRepository clues;
    private final WorkItemRepository workItems;
    private final TrailService trail;
    private final Outbox outbox;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public ClueService(ClueRepository clues, WorkItemRepository workItems, TrailService trail, Outbox outbox) {
        this.clues = clues;
        this.workItems = workItems;
        this.trail = trail;
        this.outbox = outbox;
    }

    /** What an inspector sees of a clue. */
    public record ClueView(
            String id,
            String caseNumber,
            UnitRef unit,
            String kind,
            String description,
            String relatedCaseNumber,
            String state,
            String raisedBy,
            OffsetDateTime raisedAt,
            String finding,
            String closedBy,
            OffsetDateTime closedAt) {
        static ClueView of(Clue c) {
            return new ClueView(
                    c.id,
                    c.caseNumber,
                    new UnitRef(c.unitCode, c.unitName),
                    c.kind,
                    c.description,
                    c.relatedCaseNumber,
                    c.state.name(),
                    c.raisedBy,
                    china(c.raisedAt),
                    c.finding,
                    c.closedBy,
                    china(c.closedAt));
        }
    }

    /**
     * Raises an automatic clue once per {@code dedupeKey} (the signal and what makes it distinct), in the caller's
     * transaction; empty when this signal already raised its clue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Clue> raiseAutomatic(
            String caseNumber,
            UnitRef unit,
            String kind,
            String description,
            String relatedCaseNumber,
            String dedupeKey,
            OffsetDateTime at) {
        String key = kind + ":" + caseNumber + ":" + unit.code() + ":" + dedupeKey;
        if (clues.existsByDedupeKey(key)) {
            return Optional.empty();
        }
        return Optional.of(raise(caseNumber, unit, kind, description, relatedCaseNumber, SYSTEM, key, at));
    }

    /** A clue entered by an inspector; the unit defaults to the case's lead unit. */
    @Transactional
    public ClueView raiseByHand(
            String caseNumber,
            String unitCode,
            String unitName,
            String description,
            String relatedCaseNumber,
            String actor) {
        WorkItem item = workItems.findById(caseNumber);
        if (item == null) {
            throw DomainException.notFound("case", caseNumber);
        }
        UnitRef unit = unitCode == null || unitCode.equals(item.leadUnit)
                ? new UnitRef(item.leadUnit, item.leadName)
                : new UnitRef(unitCode, unitName == null ? unitCode : unitName);
        return ClueView.of(raise(
                caseNumber, unit, "MANUAL", description, relatedCaseNumber, actor, null, OffsetDateTime.now(clock)));
    }

    /** 销号: closes an open clue with the finding; 409 when it was already closed out. */
    @Transactional
    public ClueView closeOut(String id, String finding, String actor) {
        Clue clue = clues.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("clue", id));
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            clue.closeOut(finding, actor, now);
        } catch (IllegalStateException closed) {
            throw DomainException.conflict(
                    "clue-closed", "该线索已销号", "This clue has already been closed out", closed.getMessage());
        }
        trail.append(clue.caseNumber, now, actor, "clue-close", "OPEN", "CLOSED", "线索销号 " + clue.id + "：" + finding);
        return ClueView.of(clue);
    }

    /** A trail entry behind a clue: {@code SIGNAL} (a step that raised it), {@code CLUE} (its raising), {@code CLOSE}. */
    public record SourceEntry(String role, String caseNumber, TrailView.Step step) {}

    /** The clue with the trail entries of its case that raised it, its own entry and its close-out. */
    public record ClueSources(ClueView clue, List<SourceEntry> entries) {}

    /** The trail actions that make up each automatic signal (domain.md, "Clues raised automatically"). */
    static final Map<String, Set<String>> SIGNAL_ACTIONS = Map.of(
            "OVERDUE_AFTER_ORDER",
            Set.of(
                    "open",
                    "reassign",
                    "designate",
                    "deadline-recomputed",
                    "extension-approve",
                    "reminder-notice",
                    "supervision-order"),
            "IMPROPER_RETURN",
            Set.of("return", "return-ruling"),
            "REPEATED_BOUNCING",
            Set.of("open", "reassign", "designate", "return", "return-ruling", "return-refused"),
            "RELABELLED_TYPE",
            Set.of("open", "reassign", "designate"),
            "SOLVED_CASE_RETURNED",
            Set.of("reply", "follow-up", "close"),
            "CLOSED_WITHOUT_REPLY",
            Set.of("reply", "close"),
            "STAFF_RECORDED_FOLLOW_UP",
            Set.of("follow-up"));

    /**
     * The entries of the clue's case trail up to the clue's own entry whose action belongs to its kind's signal, that
     * entry ({@code CLUE}) and, once closed, the close-out ({@code CLOSE}).
     */
    @Transactional
    public ClueSources sources(String id) {
        Clue clue = clues.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("clue", id));
        Set<String> signal = SIGNAL_ACTIONS.getOrDefault(clue.kind, Set.of());
        List<TrailView.Step> steps = trail.stepsOf(clue.caseNumber);
        String ownDetail = "（" + clue.unitName + "）：" + clue.description;
        long raised = clue.raisedAt.toInstant().toEpochMilli();
        TrailView.Step own = steps.stream()
                .filter(s -> s.action().equals("clue")
                        && s.detail().endsWith(ownDetail)
                        && Math.abs(s.at().toInstant().toEpochMilli() - raised) < 1000)
                .findFirst()
                .orElse(null);
        List<SourceEntry> entries = new ArrayList<>();
        for (TrailView.Step s : steps) {
            // the step that tripped the signal (a dispatch, the supervision order) is written just after the clue
            boolean beforeClue = own != null
                    ? s.seq() < own.seq() || s.seq() == own.seq() + 1
                    : s.at().toInstant().toEpochMilli() <= raised;
            if (s == own) {
                entries.add(new SourceEntry("CLUE", clue.caseNumber, s));
            } else if (beforeClue && signal.contains(s.action())) {
                entries.add(new SourceEntry("SIGNAL", clue.caseNumber, s));
            } else if (s.action().equals("clue-close") && s.detail().startsWith("线索销号 " + clue.id + "：")) {
                entries.add(new SourceEntry("CLOSE", clue.caseNumber, s));
            }
        }
        return new ClueSources(ClueView.of(clue), entries);
    }

    @Transactional
    public Optional<ClueView> find(String id) {
        return clues.findByIdOptional(id).map(ClueView::of);
    }

    @Transactional
    public List<ClueView> search(
            Clue.State state,
            String unit,
            String kind,
            String caseNumber,
            OffsetDateTime from,
            OffsetDateTime to,
            int limit) {
        return clues.search(state, unit, kind, caseNumber, from, to, limit).stream()
                .map(ClueView::of)
                .toList();
    }

    private Clue raise(
            String caseNumber,
            UnitRef unit,
            String kind,
            String description,
            String relatedCaseNumber,
            String actor,
            String dedupeKey,
            OffsetDateTime at) {
        Clue clue = new Clue();
        clue.id = UUID.randomUUID().toString();
        clue.caseNumber = caseNumber;
        clue.unitCode = unit.code();
        clue.unitName = unit.name();
        clue.kind = kind;
        clue.description = description;
        clue.relatedCaseNumber = relatedCaseNumber;
        clue.raisedBy = actor;
        clue.raisedAt = at;
        clue.dedupeKey = dedupeKey;
        clues.persist(clue);
        String status = Optional.ofNullable(workItems.findById(caseNumber))
                .map(w -> w.status.name())
                .orElse(null);
        trail.append(
                caseNumber, at, actor, "clue", status, status, "线索 " + kind + "（" + unit.name() + "）：" + description);
        outbox.append(
                EventType.CLUE_RAISED,
                caseNumber,
                new ClueRaised(caseNumber, clue.id, unit, kind, description, relatedCaseNumber, actor, at));
        MDC.put("caseNumber", caseNumber);
        LOG.infof("clue %s raised against %s by %s", kind, unit.code(), actor);
        MDC.remove("caseNumber");
        return clue;
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }
}
