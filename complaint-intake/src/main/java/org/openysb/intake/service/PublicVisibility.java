package org.openysb.intake.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.contracts.events.CaseRouted;
import org.openysb.contracts.events.ManualDispatchQueued;
import org.openysb.contracts.events.UnitRef;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.Units;

/**
 * What the public may see of a case (the Open311 façade): only cases filed through Open311, and none that is
 * confidential, that names an accused unit, whose service is one the discipline commission (纪委监委) leads, or that
 * routing sent to or proposed for the discipline commission or flagged as possible misconduct — not even its number.
 * The discipline units are departments.csv's units of kind {@code discipline}; their categories are the rows of the
 * responsibility matrix they lead. The rule itself is applied where cases are read ({@code PublicRequestRepository});
 * this class learns from routing's events what it needs and knows which services are withheld.
 */
@ApplicationScoped
public class PublicVisibility {
    static final String POSSIBLE_MISCONDUCT = "POSSIBLE_MISCONDUCT";

    private final Set<String> disciplineUnits;
    private final Set<String> disciplineCategories;

    public PublicVisibility(ReferenceData reference) {
        Set<String> units = new LinkedHashSet<>();
        for (Units.Unit unit : reference.units()) {
            if ("discipline".equals(unit.kind())) {
                units.add(unit.code());
            }
        }
        this.disciplineUnits = Set.copyOf(units);
        this.disciplineCategories = Set.copyOf(categoriesLedBy(units, "reference/responsibility-matrix.csv"));
    }

    /** Services (categories) whose requests are never shown: those the discipline commission leads. */
    public Set<String> withheldServices() {
        return disciplineCategories;
    }

    /** Routing dispatched the case: to the discipline commission (as lead or co-unit) means misconduct. */
    public void learn(Complaint c, CaseRouted routed, java.time.OffsetDateTime at) {
        boolean discipline = isDiscipline(routed.lead())
                || disciplineCategories.contains(routed.category())
                || (routed.coHandlers() != null && routed.coHandlers().stream().anyMatch(this::isDiscipline));
        c.routingDecided(at, discipline);
    }

    /** Routing queued the case for manual dispatch: the misconduct guard's doubt, or a proposal of the commission. */
    public void learn(Complaint c, ManualDispatchQueued queued, java.time.OffsetDateTime at) {
        boolean misconduct = POSSIBLE_MISCONDUCT.equals(queued.reason())
                || (queued.suggestedCategory() != null && disciplineCategories.contains(queued.suggestedCategory()))
                || isDiscipline(queued.suggestedLead());
        c.routingDecided(at, misconduct);
    }

    private boolean isDiscipline(UnitRef unit) {
        return unit != null && disciplineUnits.contains(unit.code());
    }

    private static Set<String> categoriesLedBy(Set<String> units, String resource) {
        try (InputStream in = PublicVisibility.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            Set<String> categories = new LinkedHashSet<>();
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .toList();
            for (String row : rows) {
                String[] cells = row.split(",", -1);
                if (cells.length > 3 && units.contains(cells[3].strip())) {
                    categories.add(cells[0].strip());
                }
            }
            return categories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
