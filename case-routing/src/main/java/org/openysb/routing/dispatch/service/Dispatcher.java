package org.openysb.routing.dispatch.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;
import org.openysb.routing.cases.repository.DecisionRepository;
import org.openysb.routing.cases.repository.RoutingCaseRepository;
import org.openysb.routing.classification.model.CategoryClassifier;
import org.openysb.routing.classification.service.ClassifierService;
import org.openysb.routing.config.RoutingConfig;
import org.openysb.routing.matrix.model.MatrixRow;
import org.openysb.routing.matrix.model.MatrixVersion;
import org.openysb.routing.matrix.repository.MatrixRepository;
import org.openysb.routing.matrix.repository.UnitRepository;

/**
 * What every dispatch step shares: routing a case to a lead unit with its decision and CaseRouted, the misconduct
 * confirmation, the current matrix rows and the views of a queued or dispatched case.
 */
@ApplicationScoped
class Dispatcher {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RoutingCaseRepository cases;
    private final DecisionRepository decisions;
    private final MatrixRepository matrix;
    private final UnitRepository units;
    private final ClassifierService classifiers;
    private final RoutingConfig config;
    private final Outbox outbox;

    public Dispatcher(
            RoutingCaseRepository cases,
            DecisionRepository decisions,
            MatrixRepository matrix,
            UnitRepository units,
            ClassifierService classifiers,
            RoutingConfig config,
            Outbox outbox) {
        this.cases = cases;
        this.decisions = decisions;
        this.matrix = matrix;
        this.units = units;
        this.classifiers = classifiers;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Routes {@code c} to {@code lead}, records the decision and publishes CaseRouted. The category is the one given,
     * else the case's own when its matrix row names this lead, else the classifier's best category whose row names
     * this lead, else the case's own. Returns the category used.
     */
    String route(
            RoutingCase c,
            String category,
            String lead,
            List<String> coHandlers,
            String reason,
            String actor,
            RoutingDecision.Kind kind,
            boolean designate) {
        MatrixVersion version = matrix.currentVersion()
                .orElseThrow(() ->
                        new DomainException(503, "no-matrix", "权责清单尚未加载", "No responsibility matrix loaded", null));
        Map<String, List<MatrixRow>> rows = currentRows(version.version);
        if (units.findById(lead) == null) {
            throw DomainException.invalidField("lead", lead, "单位代码不存在", "Unknown unit code");
        }
        if (lead.equals(c.accusedUnit)) {
            throw DomainException.invalidField(
                    "lead", lead, "不得交被投诉单位办理（回避）", "The accused unit cannot handle the case");
        }
        if (category != null && !category.isBlank() && !rows.containsKey(category)) {
            throw DomainException.invalidField("category", category, "权责清单中没有该类别", "Unknown category");
        }
        String chosen = category;
        if (chosen == null || chosen.isBlank()) {
            chosen = leadOf(rows, c.category, c.district).filter(lead::equals).isPresent() ? c.category : null;
        }
        if (chosen == null) {
            chosen = classifiers.classifier(rows.keySet()).classify(c.content).stream()
                    .map(CategoryClassifier.Prediction::category)
                    .filter(cat ->
                            leadOf(rows, cat, c.district).filter(lead::equals).isPresent())
                    .findFirst()
                    .orElse(c.category);
        }
        Optional<MatrixRow> row = MatrixRow.select(rows.getOrDefault(chosen, List.of()), c.district);
        List<String> co = coHandlers != null
                ? coHandlers
                : row.filter(r -> r.lead.equals(lead))
                        .map(MatrixRow::coHandlerCodes)
                        .orElse(List.of());
        List<String> cleanCo = new ArrayList<>();
        for (int i = 0; i < co.size(); i++) {
            String code = co.get(i);
            if (units.findById(code) == null) {
                throw DomainException.invalidField("coHandlers[" + i + "]", code, "单位代码不存在", "Unknown unit code");
            }
            if (!code.equals(lead) && !code.equals(c.accusedUnit) && !cleanCo.contains(code)) {
                cleanCo.add(code);
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (designate) {
            c.designatedTo(chosen, lead, now);
        } else {
            c.routedTo(chosen, lead, now);
        }
        RoutingDecision d = record(c, kind, lead, cleanCo, reason, actor, now);
        d.matrixVersion = version.version;
        // the decision cites a matrix row only when that row names this lead (0: a decision without a matrix row)
        d.matrixRowId = row.filter(r -> r.lead.equals(lead)).map(r -> r.id).orElse(0L);
        d.confidence = 1.0;
        String categoryName = row.map(r -> r.nameZh).orElse(chosen);
        outbox.append(
                EventType.CASE_ROUTED,
                c.caseNumber,
                new CaseRouted(
                        c.caseNumber,
                        chosen,
                        categoryName,
                        new UnitRef(lead, units.nameOf(lead)),
                        cleanCo.stream()
                                .map(code -> new UnitRef(code, units.nameOf(code)))
                                .toList(),
                        c.district,
                        c.type,
                        c.urgent,
                        c.channel,
                        version.version,
                        d.matrixRowId,
                        row.filter(r -> r.lead.equals(lead)).map(r -> r.basis).orElse(null),
                        1.0,
                        actor,
                        truncate(reason, 2000),
                        c.dispatchCount,
                        c.designated,
                        now));
        return chosen;
    }

    RoutingDecision record(
            RoutingCase c,
            RoutingDecision.Kind kind,
            String lead,
            List<String> co,
            String explanation,
            String actor,
            OffsetDateTime at) {
        RoutingDecision d = new RoutingDecision();
        d.caseNumber = c.caseNumber;
        d.decidedAt = at;
        d.kind = kind;
        d.category = c.category;
        d.lead = lead;
        d.coHandlers = co == null ? "" : String.join(";", co);
        d.explanation = truncate(explanation, 2000);
        d.actor = actor;
        decisions.persist(d);
        return d;
    }

    /** The confirmation needed to send a flagged case to {@code lead}, as recorded on the decision ("" if none). */
    String confirmMisconduct(RoutingCase c, String lead, String confirmation, MisconductConfirmation.Act act) {
        if (!c.misconductSuspected()) {
            return "";
        }
        String discipline = misconductLead(c.district).orElse(null);
        return MisconductConfirmation.check(
                c, lead, discipline, discipline == null ? null : units.nameOf(discipline), confirmation, act);
    }

    /** The unit the misconduct category's row names (the discipline commission) for a district. */
    Optional<String> misconductLead(String district) {
        return leadOf(currentRows(), config.misconductCategory(), district);
    }

    Optional<String> leadOf(Map<String, List<MatrixRow>> rows, String category, String district) {
        return category == null
                ? Optional.empty()
                : MatrixRow.select(rows.getOrDefault(category, List.of()), district)
                        .map(r -> r.lead);
    }

    Map<String, List<MatrixRow>> currentRows() {
        return matrix.currentVersion().map(v -> currentRows(v.version)).orElse(Map.of());
    }

    Map<String, List<MatrixRow>> currentRows(int version) {
        return matrix.rowsOf(version).stream()
                .collect(Collectors.groupingBy(r -> r.category, LinkedHashMap::new, Collectors.toList()));
    }

    DispatchViews.QueuedCase queued(RoutingCase c) {
        Optional<RoutingDecision> s = decisions.latest(c.caseNumber, RoutingDecision.Kind.MANUAL_QUEUE);
        return new DispatchViews.QueuedCase(
                c.caseNumber,
                c.district,
                c.type,
                c.channel,
                c.urgent,
                c.content,
                c.receivedAt.atZoneSameInstant(ZONE).toOffsetDateTime(),
                s.map(d -> d.decidedAt.atZoneSameInstant(ZONE).toOffsetDateTime())
                        .orElse(null),
                c.claimedBy,
                c.claimedAt == null ? null : c.claimedAt.atZoneSameInstant(ZONE).toOffsetDateTime(),
                s.map(d -> d.category).orElse(c.category),
                s.map(d -> d.lead).orElse(null),
                s.map(d -> d.lead).map(units::nameOf).orElse(null),
                s.map(d -> d.confidence).orElse(null),
                s.map(d -> d.explanation).orElse(null),
                c.misconductLevel,
                c.misconductEvidence,
                c.misconductSuspected() ? misconductLead(c.district).orElse(null) : null);
    }

    DispatchViews.Dispatched dispatched(RoutingCase c) {
        RoutingDecision last =
                decisions.listByCase(c.caseNumber).stream().reduce((a, b) -> b).orElseThrow();
        return new DispatchViews.Dispatched(
                c.caseNumber,
                c.status.name(),
                c.category,
                c.currentLead,
                c.currentLead == null ? null : units.nameOf(c.currentLead),
                last.coHandlers.isBlank() ? List.of() : List.of(last.coHandlers.split(";")),
                c.dispatchCount,
                c.designated);
    }

    RoutingCase find(String caseNumber) {
        RoutingCase c = cases.findById(caseNumber);
        if (c == null) {
            throw DomainException.notFound("case", caseNumber);
        }
        return c;
    }

    static DomainException notQueued(RoutingCase c) {
        return DomainException.conflict(
                "not-in-manual-queue",
                "工单不在人工派单队列中",
                "The case is not waiting for manual dispatch",
                c.caseNumber + " is " + c.status);
    }

    static DomainException claimedByOther(RoutingCase c) {
        return DomainException.conflict(
                "claimed", "工单已由其他派单员认领", "Another dispatcher has claimed the case", "claimed by " + c.claimedBy);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
