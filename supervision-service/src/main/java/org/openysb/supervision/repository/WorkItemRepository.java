package org.openysb.supervision.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.model.WorkItem;

@ApplicationScoped
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, String> {
    public List<WorkItem> listForUnits(Collection<String> units) {
        return list("leadUnit in ?1 order by signForDeadline", units);
    }

    public List<WorkItem> listAll(String unitOrNull) {
        return unitOrNull == null
                ? list("order by assignedAt desc")
                : list("leadUnit = ?1 order by assignedAt desc", unitOrNull);
    }
}
