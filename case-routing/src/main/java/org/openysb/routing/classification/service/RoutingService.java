package org.openysb.routing.classification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.openysb.contracts.CloudEvent;
import org.openysb.contracts.EventType;
import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.contracts.events.ManualDispatchQueued;
import org.openysb.contracts.events.UnitRef;
import org.openysb.outbox.Inbox;
import org.openysb.outbox.Outbox;
import org.openysb.problem.DomainException;
import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.model.RoutingDecision;
import org.openysb.routing.classification.model.CategoryClassifier;
import org.openysb.routing.classification.model.MisconductGuard;
import org.openysb.routing.classification.repository.RoutingBatchRepository;
import org.openysb.routing.config.RoutingConfig;
import org.openysb.routing.matrix.model.MatrixRow;
import org.openysb.routing.matrix.model.MatrixVersion;
import org.openysb.routing.matrix.repository.MatrixRepository;
import org.openysb.routing.matrix.repository.UnitRepository;

/** 谁主管、谁负责: decides the lead unit of each case from the current responsibility matrix, and says why. */
@ApplicationScoped
public class RoutingService {
    private static final Logger LOG = Logger.getLogger(RoutingService.class);
    private static final String CONSUMER = "case-routing.complaints";

    private final MatrixRepository matrix;
    private final UnitRepository units;
    private final ClassifierService classifiers;
    private final MisconductGuardService guard;
    private final RoutingConfig config;
    private final RoutingBatchRepository batches;
    private final Inbox inbox;
    private final Outbox outbox;

    public RoutingService(
            MatrixRepository matrix,
            UnitRepository units,
            ClassifierService classifiers,
            MisconductGuardService guard,
            RoutingConfig config,
            RoutingBatchRepository batches,
            Inbox inbox,
            Outbox outbox) {
        this.matrix = matrix;
        this.units = units;
        this.classifiers = classifiers;
        this.guard = guard;
        this.config = config;
        this.batches = batches;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /** What routing would decide, without side effects. */
    @Transactional
    public RoutingProposal preview(String content, String district, String categoryHint, String accusedUnit) {
        return propose(content, district, categoryHint, accusedUnit);
    }

    /** Routes a newly accepted complaint once, however often the event is delivered. */
    @Transactional
    public void routeComplaint(CloudEvent event) {
        routeBatch(List.of(event));
    }

    /**
     * Routes a batch of ComplaintSubmitted events in one transaction and a few round trips: each event is handled once
     * per consumer (inbox), each case once however many events name it (the case row is inserted only if absent, which
     * waits for and then yields to another instance routing the same case), and every decision is written with the
     * matrix version and row it used, together with its CaseRouted or ManualDispatchQueued in the outbox.
     *
     * @return how many cases this call routed or queued
     */
    @Transactional
    public int routeBatch(List<CloudEvent> events) {
        List<CloudEvent> submitted = events.stream()
                .filter(e -> EventType.COMPLAINT_SUBMITTED.ceType().equals(e.type()))
                .toList();
        if (submitted.isEmpty()) {
            return 0;
        }
        Set<String> fresh = new java.util.HashSet<>(inbox.firstDeliveries(CONSUMER, submitted));
        Map<String, ComplaintSubmitted> byCase = new LinkedHashMap<>();
        for (CloudEvent e : submitted) {
            if (fresh.remove(e.id())) { // remove: the same event twice in one batch counts once
                ComplaintSubmitted complaint = e.dataAs(ComplaintSubmitted.class);
                byCase.putIfAbsent(complaint.caseNumber(), complaint);
            }
        }
        if (byCase.isEmpty()) {
            return 0;
        }
        Snapshot snapshot = snapshot();
        OffsetDateTime now = OffsetDateTime.now();
        // classification is nearly all of the CPU a case costs and touches no database state: the cases of a batch are
        // classified on all cores (the model is copy-on-write, smartcn's analyzer keeps one token stream per thread)
        CategoryClassifier classifier =
                classifiers.classifier(snapshot.rowsByCategory().keySet());
        Map<String, List<CategoryClassifier.Prediction>> ranked = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, MisconductGuard.Assessment> assessed = new java.util.concurrent.ConcurrentHashMap<>();
        (byCase.size() > 1 ? byCase.values().parallelStream() : byCase.values().stream()).forEach(c -> {
            ranked.put(c.caseNumber(), classifier.classify(content(c)));
            assessed.put(c.caseNumber(), guard.assess(content(c)));
        });
        List<RoutingCase> newCases = new ArrayList<>(byCase.size());
        Map<String, RoutingProposal> proposals = new HashMap<>();
        for (ComplaintSubmitted complaint : byCase.values()) {
            RoutingCase routingCase = new RoutingCase();
            routingCase.caseNumber = complaint.caseNumber();
            routingCase.channel = complaint.channel();
            routingCase.type = complaint.type();
            routingCase.urgent = complaint.urgent();
            routingCase.district = complaint.district();
            routingCase.content = content(complaint);
            routingCase.accusedUnit = complaint.accusedUnit();
            routingCase.receivedAt = complaint.receivedAt();
            routingCase.updatedAt = now;
            RoutingProposal proposal = propose(
                    snapshot,
                    routingCase.content,
                    complaint.district(),
                    complaint.categoryHint(),
                    complaint.accusedUnit(),
                    ranked.get(complaint.caseNumber()),
                    assessed.get(complaint.caseNumber()));
            if (!"NONE".equals(proposal.misconduct().level())) {
                routingCase.misconductLevel = proposal.misconduct().level();
                routingCase.misconductEvidence =
                        truncate(String.join("、", proposal.misconduct().evidence()), 1000);
            }
            if (proposal.manualDispatch() || proposal.lead() == null) {
                routingCase.queuedForManualDispatch(proposal.category(), now);
            } else {
                routingCase.routedTo(proposal.category(), proposal.lead(), now);
            }
            newCases.add(routingCase);
            proposals.put(routingCase.caseNumber, proposal);
        }
        Set<String> inserted =
                batches.insertNewCases(newCases); // cases routed before (or by another instance) drop out
        List<RoutingDecision> decided = new ArrayList<>(inserted.size());
        List<Outbox.Message> outgoing = new ArrayList<>(inserted.size());
        int manual = 0;
        for (RoutingCase routingCase : newCases) {
            if (!inserted.contains(routingCase.caseNumber)) {
                continue;
            }
            RoutingProposal proposal = proposals.get(routingCase.caseNumber);
            RoutingDecision decision = new RoutingDecision();
            decision.caseNumber = routingCase.caseNumber;
            decision.decidedAt = now;
            decision.category = proposal.category();
            decision.lead = proposal.lead();
            decision.coHandlers = String.join(";", proposal.coHandlers());
            decision.matrixVersion = proposal.matrixVersion();
            decision.matrixRowId = proposal.matrixRowId();
            decision.confidence = proposal.confidence();
            decision.explanation = truncate(proposal.explanation(), 2000);
            decision.actor = "AUTO";
            if (routingCase.status == RoutingCase.Status.MANUAL_DISPATCH) {
                decision.kind = RoutingDecision.Kind.MANUAL_QUEUE;
                outgoing.add(new Outbox.Message(
                        EventType.MANUAL_DISPATCH_QUEUED,
                        routingCase.caseNumber,
                        manualQueued(routingCase, proposal, now)));
                manual++;
                LOG.debugf(
                        "%s queued for manual dispatch (confidence %.2f)",
                        routingCase.caseNumber, proposal.confidence());
            } else {
                decision.kind = RoutingDecision.Kind.AUTO;
                outgoing.add(new Outbox.Message(
                        EventType.CASE_ROUTED, routingCase.caseNumber, caseRouted(routingCase, proposal, "AUTO", now)));
                LOG.debugf(
                        "%s routed to %s as %s (confidence %.2f)",
                        routingCase.caseNumber, proposal.lead(), proposal.category(), proposal.confidence());
            }
            decided.add(decision);
        }
        batches.insertDecisions(decided);
        outbox.appendAll(outgoing);
        LOG.infof(
                "routed %d cases (%d to manual dispatch) from %d events, matrix version %d",
                decided.size(), manual, events.size(), snapshot.version().version);
        return decided.size();
    }

    /** The matrix version in force and its rows by category, read once per batch or preview. */
    record Snapshot(MatrixVersion version, Map<String, List<MatrixRow>> rowsByCategory) {}

    private Snapshot snapshot() {
        MatrixVersion version = matrix.currentVersion()
                .orElseThrow(() ->
                        new DomainException(503, "no-matrix", "权责清单尚未加载", "No responsibility matrix loaded", null));
        return new Snapshot(
                version,
                matrix.rowsOf(version.version).stream()
                        .collect(Collectors.groupingBy(r -> r.category, LinkedHashMap::new, Collectors.toList())));
    }

    private RoutingProposal propose(String content, String district, String categoryHint, String accusedUnit) {
        return propose(snapshot(), content, district, categoryHint, accusedUnit);
    }

    private RoutingProposal propose(
            Snapshot snapshot, String content, String district, String categoryHint, String accusedUnit) {
        String text = content == null ? "" : content;
        List<CategoryClassifier.Prediction> ranked =
                classifiers.classifier(snapshot.rowsByCategory().keySet()).classify(text);
        return propose(snapshot, content, district, categoryHint, accusedUnit, ranked, guard.assess(text));
    }

    /** The text routing reads: title and content, bounded. */
    private static String content(ComplaintSubmitted complaint) {
        return truncate(complaint.title() + "。" + complaint.content(), 5000);
    }

    private RoutingProposal propose(
            Snapshot snapshot,
            String content,
            String district,
            String categoryHint,
            String accusedUnit,
            List<CategoryClassifier.Prediction> ranked,
            MisconductGuard.Assessment suspicion) {
        MatrixVersion version = snapshot.version();
        Map<String, List<MatrixRow>> rowsByCategory = snapshot.rowsByCategory();
        String misconduct = config.misconductCategory();

        String category;
        double confidence;
        List<String> evidence = new ArrayList<>();
        boolean guarded = false; // the misconduct guard decided: possible misconduct waits for a dispatcher
        boolean accused = accusedUnit != null && !accusedUnit.isBlank() && rowsByCategory.containsKey(misconduct);
        String misconductLead = MatrixRow.select(rowsByCategory.getOrDefault(misconduct, List.of()), district)
                .map(r -> r.lead)
                .orElse(null);
        if (!accused && suspicion.suspected() && rowsByCategory.containsKey(misconduct)) {
            // a complaint about officials' conduct never goes automatically to an ordinary unit (it may be the accused)
            String guessed = categoryHint != null && rowsByCategory.containsKey(categoryHint)
                    ? categoryHint
                    : ranked.get(0).category();
            String guessedLead = MatrixRow.select(rowsByCategory.getOrDefault(guessed, List.of()), district)
                    .map(r -> r.lead)
                    .orElse(null);
            boolean alreadyThere = misconductLead != null && misconductLead.equals(guessedLead);
            if (suspicion.level() == MisconductGuard.Level.STRONG || !alreadyThere) {
                category = misconduct;
                confidence = suspicion.probability();
                guarded = suspicion.level() == MisconductGuard.Level.POSSIBLE;
                evidence.add((guarded ? "疑似涉及工作人员作风问题（possible misconduct），转人工派单" : "涉及工作人员作风问题，交纪检监察机关") + "（作风问题研判概率 "
                        + String.format("%.2f", suspicion.probability()) + "）");
                evidence.addAll(suspicion.evidence());
            } else {
                category = guessed;
                confidence = guessed.equals(categoryHint) ? 1.0 : ranked.get(0).confidence();
                evidence.add("疑似涉及工作人员作风问题，所选类别已由纪检监察机关主办");
                evidence.addAll(suspicion.evidence());
            }
        } else if (accused) {
            category = misconduct;
            confidence = 1.0;
            evidence.add("诉求指向" + units.nameOf(accusedUnit) + "，按回避原则不交被投诉单位办理，交纪检监察机关");
        } else if (categoryHint != null && rowsByCategory.containsKey(categoryHint)) {
            category = categoryHint;
            confidence = 1.0;
            evidence.add("受理时已确定类别「" + rowsByCategory.get(categoryHint).get(0).nameZh + "」");
        } else {
            CategoryClassifier.Prediction top = ranked.get(0);
            category = top.category();
            confidence = top.confidence();
            evidence.addAll(top.evidence());
        }
        Optional<MatrixRow> row = MatrixRow.select(rowsByCategory.getOrDefault(category, List.of()), district);
        String lead = row.map(r -> r.lead).orElse(null);
        List<String> coHandlers = row.map(MatrixRow::coHandlerCodes).orElse(List.of()).stream()
                .filter(code -> !code.equals(accusedUnit) && !code.equals(lead))
                .toList();
        String categoryName = row.map(r -> r.nameZh).orElse(category);
        StringBuilder explanation = new StringBuilder();
        explanation
                .append("类别「")
                .append(categoryName)
                .append("」（置信度 ")
                .append(String.format("%.2f", confidence))
                .append("）");
        if (!evidence.isEmpty()) {
            explanation.append("，依据：").append(String.join("、", evidence));
        }
        row.ifPresent(r -> explanation
                .append("；按权责清单第 ")
                .append(version.version)
                .append(" 版「")
                .append(MatrixRow.CITY.equals(r.scope) ? "全市" : units.nameOf(r.scope) + "属地")
                .append("」条目由")
                .append(units.nameOf(r.lead))
                .append("主办（")
                .append(r.basis)
                .append("）"));
        List<RoutingProposal.Alternative> alternatives = ranked.stream()
                .filter(p -> !p.category().equals(category))
                .limit(config.alternatives())
                .map(p -> {
                    Optional<MatrixRow> alt =
                            MatrixRow.select(rowsByCategory.getOrDefault(p.category(), List.of()), district);
                    return new RoutingProposal.Alternative(
                            p.category(),
                            alt.map(r -> r.nameZh).orElse(p.category()),
                            alt.map(r -> r.lead).orElse(null),
                            p.confidence());
                })
                .toList();
        boolean manual = guarded || lead == null || confidence < config.minConfidence();
        return new RoutingProposal(
                category,
                categoryName,
                lead,
                lead == null ? null : units.nameOf(lead),
                coHandlers,
                confidence,
                version.version,
                row.map(r -> r.id).orElse(null),
                row.map(r -> r.basis).orElse(null),
                explanation.toString(),
                manual,
                !manual ? null : guarded ? POSSIBLE_MISCONDUCT : lead == null ? "NO_MATRIX_ROW" : "LOW_CONFIDENCE",
                new RoutingProposal.Misconduct(suspicion.level().name(), suspicion.probability(), suspicion.evidence()),
                alternatives);
    }

    private CaseRouted caseRouted(RoutingCase c, RoutingProposal p, String decidedBy, OffsetDateTime at) {
        return new CaseRouted(
                c.caseNumber,
                p.category(),
                p.categoryName(),
                new UnitRef(p.lead(), p.leadName()),
                p.coHandlers().stream()
                        .map(code -> new UnitRef(code, units.nameOf(code)))
                        .toList(),
                c.district,
                c.type,
                c.urgent,
                c.channel,
                p.matrixVersion(),
                p.matrixRowId(),
                p.basis(),
                p.confidence(),
                decidedBy,
                truncate(p.explanation(), 2000),
                c.dispatchCount,
                c.designated,
                at);
    }

    private static ManualDispatchQueued manualQueued(RoutingCase c, RoutingProposal p, OffsetDateTime at) {
        return new ManualDispatchQueued(
                c.caseNumber,
                p.manualReason() != null ? p.manualReason() : p.lead() == null ? "NO_MATRIX_ROW" : "LOW_CONFIDENCE",
                p.category(),
                p.categoryName(),
                p.lead() == null ? null : new UnitRef(p.lead(), p.leadName()),
                p.confidence(),
                truncate(p.explanation(), 2000),
                c.urgent,
                at);
    }

    /** ManualDispatchQueued's reason for a case the misconduct guard holds back. */
    static final String POSSIBLE_MISCONDUCT = "POSSIBLE_MISCONDUCT";

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
