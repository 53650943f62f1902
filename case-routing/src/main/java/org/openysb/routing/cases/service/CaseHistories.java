package org.openysb.routing.cases.service;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.routing.cases.model.RoutingCase;
import org.openysb.routing.cases.repository.DecisionRepository;
import org.openysb.routing.cases.repository.RoutingCaseRepository;
import org.openysb.routing.matrix.repository.UnitRepository;

/** The routing history of a case: every decision, automatic or by a person. */
@ApplicationScoped
public class CaseHistories {
    private final RoutingCaseRepository cases;
    private final DecisionRepository decisions;
    private final UnitRepository units;

    public CaseHistories(RoutingCaseRepository cases, DecisionRepository decisions, UnitRepository units) {
        this.cases = cases;
        this.decisions = decisions;
        this.units = units;
    }

    /** Every decision about a case, oldest first. */
    @Transactional
    public Optional<CaseHistory> history(String caseNumber) {
        RoutingCase routingCase = cases.findById(caseNumber);
        if (routingCase == null) {
            return Optional.empty();
        }
        List<CaseHistory.Decision> list = decisions.listByCase(caseNumber).stream()
                .map(d -> new CaseHistory.Decision(
                        d.decidedAt
                                .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                                .toOffsetDateTime(),
                        d.kind.name(),
                        d.category,
                        d.lead,
                        d.lead == null ? null : units.nameOf(d.lead),
                        d.coHandlers.isBlank() ? List.of() : List.of(d.coHandlers.split(";")),
                        d.matrixVersion,
                        d.matrixRowId,
                        d.confidence,
                        d.explanation,
                        d.actor))
                .toList();
        return Optional.of(new CaseHistory(
                routingCase.caseNumber,
                routingCase.status.name(),
                routingCase.category,
                routingCase.currentLead,
                routingCase.dispatchCount,
                routingCase.designated,
                list));
    }
}
