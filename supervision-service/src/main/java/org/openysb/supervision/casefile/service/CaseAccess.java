package org.openysb.supervision.casefile.service;

import java.util.Optional;

import org.openysb.supervision.casefile.model.CaseComplaint;
import org.openysb.supervision.model.WorkItem;

/**
 * Who may see a case: its lead unit (主办), its co-units (协办) and those who oversee every unit. A complaint about a
 * unit's own officials is never shown to that unit, whatever the routing did.
 */
final class CaseAccess {
    static final String LEAD = "LEAD";
    static final String CO = "CO";
    static final String OVERSIGHT = "OVERSIGHT";

    private CaseAccess() {}

    static Optional<String> roleOf(WorkItem item, CaseComplaint complaint, Viewer viewer) {
        boolean accused = complaint != null
                && complaint.accusedUnit != null
                && viewer.units().contains(complaint.accusedUnit);
        if (accused && !viewer.oversees()) {
            return Optional.empty();
        }
        if (!accused && viewer.units().contains(item.leadUnit)) {
            return Optional.of(LEAD);
        }
        if (!accused && item.coUnitCodes().stream().anyMatch(viewer.units()::contains)) {
            return Optional.of(CO);
        }
        return viewer.oversees() ? Optional.of(OVERSIGHT) : Optional.empty();
    }
}
