package org.openysb.routing.dispatch.service;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseReturned;
import org.openysb.contracts.events.CaseSigned;
import org.openysb.contracts.events.ReturnRequested;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Inbox;
import org.openysb.outbox.Outbox;
import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;
import org.openysb.routing.cases.repository.RoutingCaseRepository;
import org.openysb.routing.classification.model.CategoryClassifier;
import org.openysb.routing.classification.service.ClassifierService;
import org.openysb.routing.config.RoutingConfig;
import org.openysb.routing.dispatch.model.CaseReturn;
import org.openysb.routing.dispatch.repository.CaseReturnRepository;
import org.openysb.routing.matrix.model.MatrixRow;
import org.openysb.routing.matrix.repository.UnitRepository;

/**
 * 退单: a unit returns a case (ReturnRequested from ysb.supervision). Inside the return window with a reason and a basis
 * the case goes to the next-best unit of the matrix, or to arbitration; otherwise the unit keeps it. Every return is
 * announced (CaseReturned). CaseSigned ends the window.
 */
@ApplicationScoped
public class Returns {
    private static final Logger LOG = Logger.getLogger(Returns.class);
    private static final String CONSUMER = "case-routing.supervision";

    private final Dispatcher dispatcher;
    private final RoutingCaseRepository cases;
    private final CaseReturnRepository returns;
    private final UnitRepository units;
    private final ClassifierService classifiers;
    private final RoutingConfig config;
    private final Inbox inbox;
    private final Outbox outbox;

    public Returns(
            Dispatcher dispatcher,
            RoutingCaseRepository cases,
            CaseReturnRepository returns,
            UnitRepository units,
            ClassifierService classifiers,
            RoutingConfig config,
            Inbox inbox,
            Outbox outbox) {
        this.dispatcher = dispatcher;
        this.cases = cases;
        this.returns = returns;
        this.units = units;
        this.classifiers = classifiers;
        this.config = config;
        this.inbox = inbox;
        this.outbox = outbox;
    }

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
        ret.reason = Dispatcher.truncate(r.reason() == null ? "" : r.reason(), 2000);
        ret.basis = r.basis() == null ? null : Dispatcher.truncate(r.basis(), 1000);
        ret.actor = r.actor();
        ret.requestedAt = at;
        ret.dispatchCount = c.dispatchCount;
        String refusal = c.refusalOfReturn(ret.unit, r.reason(), r.basis(), at, config.returnWindow());
        if (refusal != null) {
            // the unit keeps the case: supervision-service puts its work item back in the unit's queue
            ret.outcome = CaseReturn.Outcome.REFUSED;
            ret.refusal = refusal;
            returns.persist(ret);
            dispatcher.record(
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
        dispatcher.record(
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
            dispatcher.route(
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
        Map<String, List<MatrixRow>> rows = dispatcher.currentRows();
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
}
