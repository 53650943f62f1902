package org.openysb.routing.dispatch.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;
import org.openysb.routing.cases.repository.RoutingCaseRepository;
import org.openysb.routing.classification.service.ClassifierService;
import org.openysb.routing.config.RoutingConfig;

/**
 * 人工派单: the queue of cases the classifier was not sure enough about; a dispatcher claims one and decides its lead
 * unit, and the decision becomes a training example.
 */
@ApplicationScoped
public class ManualQueue {

    private final Dispatcher dispatcher;
    private final RoutingCaseRepository cases;
    private final ClassifierService classifiers;
    private final RoutingConfig config;

    public ManualQueue(
            Dispatcher dispatcher, RoutingCaseRepository cases, ClassifierService classifiers, RoutingConfig config) {
        this.dispatcher = dispatcher;
        this.cases = cases;
        this.classifiers = classifiers;
        this.config = config;
    }

    @Transactional
    public List<DispatchViews.QueuedCase> listManualQueue() {
        return cases.listByStatus(RoutingCase.Status.MANUAL_DISPATCH, config.queueLimit()).stream()
                .map(dispatcher::queued)
                .toList();
    }

    /** Claims a queued case for a dispatcher; 409 when another dispatcher holds it or it is not queued. */
    @Transactional
    public DispatchViews.QueuedCase claimCase(String caseNumber, String dispatcherName) {
        RoutingCase c = dispatcher.find(caseNumber);
        if (c.status != RoutingCase.Status.MANUAL_DISPATCH) {
            throw Dispatcher.notQueued(c);
        }
        if (!c.claim(dispatcherName, OffsetDateTime.now())) {
            throw Dispatcher.claimedByOther(c);
        }
        return dispatcher.queued(c);
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
        RoutingCase c = dispatcher.find(caseNumber);
        if (c.status != RoutingCase.Status.MANUAL_DISPATCH) {
            throw Dispatcher.notQueued(c);
        }
        String why = "人工派单：" + reason
                + dispatcher.confirmMisconduct(c, lead, misconductConfirmation, MisconductConfirmation.Act.DISPATCH);
        if (!c.claim(actor, OffsetDateTime.now())) {
            throw Dispatcher.claimedByOther(c);
        }
        String decided =
                dispatcher.route(c, category, lead, coHandlers, why, actor, RoutingDecision.Kind.MANUAL, false);
        classifiers.learn(dispatcher.currentRows().keySet(), c.caseNumber, decided, c.content, "MANUAL", actor);
        return dispatcher.dispatched(c);
    }
}
