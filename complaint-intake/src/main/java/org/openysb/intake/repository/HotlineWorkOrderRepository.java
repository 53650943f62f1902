package org.openysb.intake.repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.intake.model.HotlineWorkOrder;

@ApplicationScoped
public class HotlineWorkOrderRepository implements PanacheRepositoryBase<HotlineWorkOrder, String> {

    /**
     * Claims a work-order number for this transaction: true when the number is new. A concurrent push of the same
     * number waits on the unique index until this transaction ends, then finds the committed row (no duplicate case).
     */
    public boolean claim(
            String number, String contentHash, String operatorId, OffsetDateTime callTime, OffsetDateTime now) {
        int inserted = getEntityManager()
                .createNativeQuery("insert into hotline_work_order"
                        + " (work_order_number, content_hash, operator_id, call_time, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (work_order_number) do nothing")
                .setParameter(1, number)
                .setParameter(2, contentHash)
                .setParameter(3, operatorId)
                .setParameter(4, callTime)
                .setParameter(5, now)
                .executeUpdate();
        return inserted == 1;
    }

    public Optional<HotlineWorkOrder> findByNumber(String number) {
        return findByIdOptional(number);
    }
}
