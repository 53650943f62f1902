package org.openysb.routing.dispatch.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ReturnRuled;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;
import org.openysb.routing.cases.repository.RoutingCaseRepository;
import org.openysb.routing.classification.service.ClassifierService;
import org.openysb.routing.config.RoutingConfig;
import org.openysb.routing.dispatch.model.CaseReturn;
import org.openysb.routing.dispatch.repository.CaseReturnRepository;
import org.openysb.routing.matrix.repository.UnitRepository;

/** 仲裁: the coordinator upholds a return (and names the new lead) or rejects it as improper. */
@ApplicationScoped
public class Arbitration {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Dispatcher dispatcher;
    private final RoutingCaseRepository cases;
    private final CaseReturnRepository returns;
    private final UnitRepository units;
    private final ClassifierService classifiers;
    private final RoutingConfig config;
    private final Outbox outbox;

    public Arbitration(
            Dispatcher dispatcher,
            RoutingCaseRepository cases,
            CaseReturnRepository returns,
            UnitRepository units,
            ClassifierService classifiers,
            RoutingConfig config,
            Outbox outbox) {
        this.dispatcher = dispatcher;
        this.cases = cases;
        this.returns = returns;
        this.units = units;
        this.classifiers = classifiers;
        this.config = config;
        this.outbox = outbox;
    }

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
                            c.misconductSuspected()
                                    ? dispatcher.misconductLead(c.district).orElse(null)
                                    : null);
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
        RoutingCase c = dispatcher.find(caseNumber);
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
                    + dispatcher.confirmMisconduct(c, lead, misconductConfirmation, MisconductConfirmation.Act.RULING);
            String decided =
                    dispatcher.route(c, category, lead, coHandlers, why, actor, RoutingDecision.Kind.RULING, false);
            classifiers.learn(dispatcher.currentRows().keySet(), c.caseNumber, decided, c.content, "RULING", actor);
            newLead = lead;
        } else {
            String why = "仲裁驳回退单（不当退单），退回原主办单位：" + reason
                    + dispatcher.confirmMisconduct(
                            c, returningUnit, misconductConfirmation, MisconductConfirmation.Act.RULING);
            pending.ifPresent(r -> r.improper = true);
            dispatcher.route(c, c.category, returningUnit, coHandlers, why, actor, RoutingDecision.Kind.RULING, false);
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
        return dispatcher.dispatched(c);
    }
}
