package org.openysb.routing.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReturned;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.HandlerDesignated;
import org.openysb.contracts.events.ReturnRequested;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Inbox;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.routing.model.CaseReturn;
import org.openysb.routing.model.CategoryClassifier;
import org.openysb.routing.model.MatrixRow;
import org.openysb.routing.model.MatrixVersion;
import org.openysb.routing.model.RoutingCase;
import org.openysb.routing.model.RoutingDecision;
import org.openysb.routing.model.Unit;
import org.openysb.routing.repository.CaseReturnRepository;
import org.openysb.routing.repository.DecisionRepository;
import org.openysb.routing.repository.MatrixRepository;
import org.openysb.routing.repository.RoutingCaseRepository;
import org.openysb.routing.repository.UnitRepository;

/**
 * Everything after the first automatic decision: the manual dispatch queue (claim, dispatch), returns (退单) from
 * units, arbitration rulings and designation (指定承办). Dispatcher decisions and rulings teach the classifier.
 */
@ApplicationScoped
public class DispatchService {
    private static final Logger LOG = Logger.getLogger(DispatchService.class);
    private static final String CONSUMER = "case-routing.supervision";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RoutingCaseRepository cases;
    private final DecisionRepository decisions;
    private final CaseReturnRepository returns;
    private final MatrixRepository matrix;
    private final UnitRepository units;
    private final ClassifierService classifiers;
    private final RoutingConfig config;
    private final Inbox inbox;
    private final Outbox outbox;

    public DispatchService(
            RoutingCaseRepository cases,
            DecisionRepository decisions,
            CaseReturnRepository returns,
            MatrixRepository matrix,
            UnitRepository units,
            ClassifierService classifiers,
            RoutingConfig config,
            Inbox inbox,
            Outbox outbox) {
        this.cases = cases;
        this.decisions = decisions;
        this.returns = returns;
        this.matrix = matrix;
        this.units = units;
        this.classifiers = classifiers;
        this.config = config;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    // ---------------------------------------------------------------- manual dispatch queue

    @Transactional
    public List<DispatchViews.QueuedCase> listManualQueue() {
        return cases.listByStatus(RoutingCase.Status.MANUAL_DISPATCH, config.queueLimit()).stream()
                .map(this::queued)
                .toList();
    }

    /** Claims a queued case for a dispatcher; 409 when another dispatcher holds it or it is not queued. */
    @Transactional
    public DispatchViews.QueuedCase claimCase(String caseNumber, String dispatcher) {
        RoutingCase c = find(caseNumber);
        if (c.status != RoutingCase.Status.MANUAL_DISPATCH) {
            throw notQueued(c);
        }
        if (!c.claim(dispatcher, OffsetDateTime.now())) {
            throw claimedByOther(c);
        }
        return queued(c);
    }

    /**
     * A dispatcher decides the lead unit of a queued case; the decision becomes a training example. A case the
     * misconduct guard flagged goes to another unit than the discipline commission only with the dispatcher's
     * confirmation and its reason, both recorded on the decision (and in CaseRouted).
     */
    @Transactional
    public DispatchViews.Dispatched dispatchCase(
            String caseNumber,
            String category,
            String lead,
            List<String> coHandlers,
            String reason,
            String misconductConfirmation,
            String actor) {
        RoutingCase c = find(caseNumber);
        if (c.status != RoutingCase.Status.MANUAL_DISPATCH) {
            throw notQueued(c);
        }
        String why = "人工派单：" + reason
                + confirmMisconduct(c, lead, misconductConfirmation, MisconductConfirmation.Act.DISPATCH);
        if (!c.claim(actor, OffsetDateTime.now())) {
            throw claimedByOther(c);
        }
        String decided = route(c, category, lead, coHandlers, why, actor, RoutingDecision.Kind.MANUAL, false);
        classifiers.learn(currentRows().keySet(), c.caseNumber, decided, c.content, "MANUAL", actor);
        return dispatched(c);
    }

    // ---------------------------------------------------------------- events from supervision-service

    /** ReturnRequested and CaseSigned from ysb.supervision, each handled once. */
    @Transactional
    public void handleSupervisionEvent(CloudEvent event) {
        boolean ret = EventType.RETURN_REQUESTED.ceType().equals(event.type());
        boolean signed = EventType.CASE_SIGNED.ceType().equals(event.type());
        if (!(ret || signed) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        MDC.put("caseNumber", event.subject());
        try {
            if (ret) {
                handleReturn(event.dataAs(ReturnRequested.class));
            } else {
                CaseSigned s = event.dataAs(CaseSigned.class);
                RoutingCase c = cases.findById(s.caseNumber());
                if (c != null) {
                    c.signedBy(s.unit().code(), s.signedAt());
                }
            }
        } finally {
            MDC.remove("caseNumber");
        }
    }

    private void handleReturn(ReturnRequested r) {
        RoutingCase c = cases.findById(r.caseNumber());
        if (c == null) {
            LOG.warnf(
                    "return of unknown case %s by %s ignored",
                    r.caseNumber(), r.unit().code());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime at = r.requestedAt() == null ? now : r.requestedAt();
        CaseReturn ret = new CaseReturn();
        ret.caseNumber = c.caseNumber;
        ret.unit = r.unit().code();
        ret.reason = truncate(r.reason() == null ? "" : r.reason(), 2000);
        ret.basis = r.basis() == null ? null : truncate(r.basis(), 1000);
        ret.actor = r.actor();
        ret.requestedAt = at;
        ret.dispatchCount = c.dispatchCount;
        String refusal = c.refusalOfReturn(ret.unit, r.reason(), r.basis(), at, config.returnWindow());
        if (refusal != null) {
            // the unit keeps the case: supervision-service puts its work item back in the unit's queue
            ret.outcome = CaseReturn.Outcome.REFUSED;
            ret.refusal = refusal;
            returns.persist(ret);
            record(
                    c,
                    RoutingDecision.Kind.RETURN,
                    c.currentLead,
                    null,
                    "退单不予受理：" + refusal + "（退单单位 " + units.nameOf(ret.unit) + "，理由：" + ret.reason + "）",
                    r.actor(),
                    now);
            announceReturn(c, ret, at);
            LOG.infof("return by %s refused: %s", ret.unit, refusal);
            return;
        }
        // a case the misconduct guard flagged is never rerouted automatically: a person decides (arbitration)
        Optional<MatrixRow> next = c.dispatchCount < config.maxDispatches() && !c.misconductSuspected()
                ? nextBest(c, ret.unit)
                : Optional.empty();
        ret.outcome = next.isPresent() ? CaseReturn.Outcome.REROUTED : CaseReturn.Outcome.ARBITRATION;
        returns.persist(ret);
        record(
                c,
                RoutingDecision.Kind.RETURN,
                ret.unit,
                null,
                "退单：" + units.nameOf(ret.unit) + "，理由：" + ret.reason + "，依据：" + ret.basis
                        + (next.isPresent() ? "；按权责清单改派" : "；提交仲裁"),
                r.actor(),
                now);
        announceReturn(c, ret, at);
        if (next.isPresent()) {
            MatrixRow row = next.get();
            route(
                    c,
                    row.category,
                    row.lead,
                    null,
                    units.nameOf(ret.unit) + "退单后按权责清单改派至「" + row.nameZh + "」主办单位",
                    "AUTO",
                    RoutingDecision.Kind.REROUTE,
                    false);
            LOG.infof("returned by %s, rerouted to %s", ret.unit, row.lead);
        } else {
            c.sentToArbitration(ret.unit, now);
            LOG.infof("returned by %s, sent to arbitration", ret.unit);
        }
    }

    /**
     * CaseReturned for every return, refused ones included (outcome REFUSED with the refusal), so that
     * supervision-service knows whether the unit keeps the case. A refused return may lack a reason or basis: the
     * event says so in words, as its schema wants non-empty text.
     */
    private void announceReturn(RoutingCase c, CaseReturn ret, OffsetDateTime at) {
        outbox.append(
                EventType.CASE_RETURNED,
                c.caseNumber,
                new CaseReturned(
                        c.caseNumber,
                        new UnitRef(ret.unit, units.nameOf(ret.unit)),
                        ret.reason == null || ret.reason.isBlank() ? "（未填写理由）" : ret.reason,
                        ret.basis == null || ret.basis.isBlank() ? "（未填写依据）" : ret.basis,
                        ret.actor == null || ret.actor.isBlank() ? "unknown" : ret.actor,
                        at,
                        ret.outcome.name(),
                        Math.max(1, c.dispatchCount),
                        ret.refusal));
    }

    /** The next-best category whose lead is neither a unit that returned the case nor the accused unit. */
    private Optional<MatrixRow> nextBest(RoutingCase c, String returningUnit) {
        Map<String, List<MatrixRow>> rows = currentRows();
        Set<String> excluded = new HashSet<>();
        excluded.add(returningUnit);
        returns.listByCase(c.caseNumber).forEach(r -> excluded.add(r.unit));
        if (c.accusedUnit != null) {
            excluded.add(c.accusedUnit);
        }
        for (CategoryClassifier.Prediction p :
                classifiers.classifier(rows.keySet()).classify(c.content)) {
            if (p.confidence() < config.rerouteMinConfidence()) {
                break;
            }
            if (p.category().equals(c.category)) {
                continue;
            }
            Optional<MatrixRow> row = MatrixRow.select(rows.getOrDefault(p.category(), List.of()), c.district);
            if (row.isPresent() && !excluded.contains(row.get().lead)) {
                return row;
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- arbitration and designation

    @Transactional
    public List<DispatchViews.ArbitrationCase> listArbitration() {
        return cases.listByStatus(RoutingCase.Status.IN_ARBITRATION, config.queueLimit()).stream()
                .map(c -> {
                    Optional<CaseReturn> r = returns.pendingArbitration(c.caseNumber);
                    return new DispatchViews.ArbitrationCase(
                            c.caseNumber,
                            c.district,
                            c.category,
                            c.content,
                            c.returnedBy,
                            c.returnedBy == null ? null : units.nameOf(c.returnedBy),
                            r.map(x -> x.reason).orElse(null),
                            r.map(x -> x.basis).orElse(null),
                            r.map(x -> x.requestedAt.atZoneSameInstant(ZONE).toOffsetDateTime())
                                    .orElse(null),
                            c.dispatchCount,
                            c.dispatchCount >= config.maxDispatches(),
                            c.misconductLevel,
                            c.misconductEvidence,
                            c.misconductSuspected() ? misconductLead(c.district).orElse(null) : null);
                })
                .toList();
    }

    /**
     * Uphold the return and send the case to the unit the coordinator chose, or reject it (an improper return) and
     * send the case back to the unit that returned it.
     */
    @Transactional
    public DispatchViews.Dispatched ruleOnReturn(
            String caseNumber,
            boolean upheld,
            String category,
            String lead,
            List<String> coHandlers,
            String reason,
            String misconductConfirmation,
            String actor) {
        RoutingCase c = find(caseNumber);
        if (c.status != RoutingCase.Status.IN_ARBITRATION) {
            throw DomainException.conflict(
                    "not-in-arbitration", "工单不在仲裁中", "The case is not in arbitration", caseNumber + " is " + c.status);
        }
        if (c.dispatchCount >= config.maxDispatches()) {
            throw DomainException.conflict(
                    "designation-required",
                    "已派单 " + c.dispatchCount + " 次仍未签收，须指定承办单位",
                    "Dispatched " + c.dispatchCount + " times without acceptance: designate the handling unit",
                    caseNumber);
        }
        String returningUnit = c.returnedBy;
        Optional<CaseReturn> pending = returns.pendingArbitration(caseNumber);
        OffsetDateTime now = OffsetDateTime.now();
        String newLead = null;
        if (upheld) {
            if (lead == null || lead.isBlank()) {
                throw DomainException.invalidField(
                        "lead", lead, "支持退单时须指定新的主办单位", "An upheld return needs the new lead");
            }
            if (lead.equals(returningUnit)) {
                throw DomainException.invalidField(
                        "lead", lead, "支持退单时不能派回退单单位", "An upheld return cannot go back to the returning unit");
            }
            String why = "仲裁支持退单：" + reason
                    + confirmMisconduct(c, lead, misconductConfirmation, MisconductConfirmation.Act.RULING);
            String decided = route(c, category, lead, coHandlers, why, actor, RoutingDecision.Kind.RULING, false);
            classifiers.learn(currentRows().keySet(), c.caseNumber, decided, c.content, "RULING", actor);
            newLead = lead;
        } else {
            String why = "仲裁驳回退单（不当退单），退回原主办单位：" + reason
                    + confirmMisconduct(c, returningUnit, misconductConfirmation, MisconductConfirmation.Act.RULING);
            pending.ifPresent(r -> r.improper = true);
            route(c, c.category, returningUnit, coHandlers, why, actor, RoutingDecision.Kind.RULING, false);
        }
        outbox.append(
                EventType.RETURN_RULED,
                caseNumber,
                new ReturnRuled(
                        caseNumber,
                        new UnitRef(returningUnit, units.nameOf(returningUnit)),
                        upheld,
                        !upheld,
                        newLead == null ? null : new UnitRef(newLead, units.nameOf(newLead)),
                        reason,
                        actor,
                        now));
        return dispatched(c);
    }

    /** 指定承办: the coordinator fixes the lead unit; it can no longer return the case. */
    @Transactional
    public DispatchViews.Dispatched designateHandler(
            String caseNumber,
            String category,
            String lead,
            List<String> coHandlers,
            String reason,
            String misconductConfirmation,
            String actor) {
        RoutingCase c = find(caseNumber);
        if (c.accepted) {
            throw DomainException.conflict(
                    "already-accepted", "主办单位已签收，无需指定", "The lead unit has signed for the case", caseNumber);
        }
        String previous = c.currentLead;
        int dispatchesBefore = c.dispatchCount;
        String why = "指定承办：" + reason
                + confirmMisconduct(c, lead, misconductConfirmation, MisconductConfirmation.Act.DESIGNATION);
        route(c, category, lead, coHandlers, why, actor, RoutingDecision.Kind.DESIGNATION, true);
        outbox.append(
                EventType.HANDLER_DESIGNATED,
                caseNumber,
                new HandlerDesignated(
                        caseNumber,
                        new UnitRef(lead, units.nameOf(lead)),
                        reason,
                        actor,
                        dispatchesBefore,
                        OffsetDateTime.now()));
        LOG.infof("designated %s (previously %s)", lead, previous);
        return dispatched(c);
    }

    // ---------------------------------------------------------------- return statistics

    @Transactional
    public DispatchViews.UnitReturns unitReturns(String unitCode) {
        Unit unit = units.findById(unitCode);
        if (unit == null) {
            throw DomainException.notFound("unit", unitCode);
        }
        List<DispatchViews.Return> items = returns.listByUnit(unitCode).stream()
                .map(r -> new DispatchViews.Return(
                        r.caseNumber,
                        r.reason,
                        r.basis,
                        r.actor,
                        r.requestedAt.atZoneSameInstant(ZONE).toOffsetDateTime(),
                        r.outcome.name(),
                        r.refusal,
                        r.improper,
                        r.dispatchCount))
                .toList();
        long refused = items.stream().filter(r -> r.outcome().equals("REFUSED")).count();
        long improper = items.stream().filter(DispatchViews.Return::improper).count();
        return new DispatchViews.UnitReturns(unit.code, unit.nameZh, items.size() - refused, improper, refused, items);
    }

    @Transactional
    public List<DispatchViews.UnitReturnStats> returnStats() {
        Map<String, long[]> byUnit = new LinkedHashMap<>(); // returns, rerouted, arbitration, improper, refused
        for (Object[] row : returns.countsByUnit()) {
            long[] n = byUnit.computeIfAbsent((String) row[0], u -> new long[5]);
            CaseReturn.Outcome outcome = (CaseReturn.Outcome) row[1];
            long count = (Long) row[3];
            switch (outcome) {
                case REROUTED -> n[1] += count;
                case ARBITRATION -> n[2] += count;
                case REFUSED -> n[4] += count;
            }
            if (outcome != CaseReturn.Outcome.REFUSED) {
                n[0] += count;
            }
            if ((Boolean) row[2]) {
                n[3] += count;
            }
        }
        return byUnit.entrySet().stream()
                .map(e -> new DispatchViews.UnitReturnStats(
                        e.getKey(),
                        units.nameOf(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
                .collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Routes {@code c} to {@code lead}, records the decision and publishes CaseRouted. The category is the one given,
     * else the case's own when its matrix row names this lead, else the classifier's best category whose row names
     * this lead, else the case's own. Returns the category used.
     */
    private String route(
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

    private RoutingDecision record(
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
    private String confirmMisconduct(RoutingCase c, String lead, String confirmation, MisconductConfirmation.Act act) {
        if (!c.misconductSuspected()) {
            return "";
        }
        String discipline = misconductLead(c.district).orElse(null);
        return MisconductConfirmation.check(
                c, lead, discipline, discipline == null ? null : units.nameOf(discipline), confirmation, act);
    }

    /** The unit the misconduct category's row names (the discipline commission) for a district. */
    private Optional<String> misconductLead(String district) {
        return leadOf(currentRows(), config.misconductCategory(), district);
    }

    private Optional<String> leadOf(Map<String, List<MatrixRow>> rows, String category, String district) {
        return category == null
                ? Optional.empty()
                : MatrixRow.select(rows.getOrDefault(category, List.of()), district)
                        .map(r -> r.lead);
    }

    private Map<String, List<MatrixRow>> currentRows() {
        return matrix.currentVersion().map(v -> currentRows(v.version)).orElse(Map.of());
    }

    private Map<String, List<MatrixRow>> currentRows(int version) {
        return matrix.rowsOf(version).stream()
                .collect(Collectors.groupingBy(r -> r.category, LinkedHashMap::new, Collectors.toList()));
    }

    private DispatchViews.QueuedCase queued(RoutingCase c) {
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

    private DispatchViews.Dispatched dispatched(RoutingCase c) {
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

    private RoutingCase find(String caseNumber) {
        RoutingCase c = cases.findById(caseNumber);
        if (c == null) {
            throw DomainException.notFound("case", caseNumber);
        }
        return c;
    }

    private static DomainException notQueued(RoutingCase c) {
        return DomainException.conflict(
                "not-in-manual-queue",
                "工单不在人工派单队列中",
                "The case is not waiting for manual dispatch",
                c.caseNumber + " is " + c.status);
    }

    private static DomainException claimedByOther(RoutingCase c) {
        return DomainException.conflict(
                "claimed", "工单已由其他派单员认领", "Another dispatcher has claimed the case", "claimed by " + c.claimedBy);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
