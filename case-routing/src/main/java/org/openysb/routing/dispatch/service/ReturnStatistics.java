package org.openysb.routing.dispatch.service;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.routing.dispatch.model.CaseReturn;
import org.openysb.routing.dispatch.repository.CaseReturnRepository;
import org.openysb.routing.matrix.model.Unit;
import org.openysb.routing.matrix.repository.UnitRepository;

/** How often each unit returned cases, and how the returns ended. */
@ApplicationScoped
public class ReturnStatistics {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CaseReturnRepository returns;
    private final UnitRepository units;

    public ReturnStatistics(CaseReturnRepository returns, UnitRepository units) {
        this.returns = returns;
        this.units = units;
    }

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
}
