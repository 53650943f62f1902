package org.openysb.routing.dispatch.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.HandlerDesignated;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;
import org.openysb.routing.matrix.repository.UnitRepository;

/** 指定承办: the coordinator fixes the lead unit; it can no longer return the case. */
@ApplicationScoped
public class Designation {
    private static final Logger LOG = Logger.getLogger(Designation.class);

    private final Dispatcher dispatcher;
    private final UnitRepository units;
    private final Outbox outbox;

    public Designation(Dispatcher dispatcher, UnitRepository units, Outbox outbox) {
        this.dispatcher = dispatcher;
        this.units = units;
        this.outbox = outbox;
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
        RoutingCase c = dispatcher.find(caseNumber);
        if (c.accepted) {
            throw DomainException.conflict(
                    "already-accepted", "主办单位已签收，无需指定", "The lead unit has signed for the case", caseNumber);
        }
        String previous = c.currentLead;
        int dispatchesBefore = c.dispatchCount;
        String why = "指定承办：" + reason
                + dispatcher.confirmMisconduct(c, lead, misconductConfirmation, MisconductConfirmation.Act.DESIGNATION);
        dispatcher.route(c, category, lead, coHandlers, why, actor, RoutingDecision.Kind.DESIGNATION, true);
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
        return dispatcher.dispatched(c);
    }
}
