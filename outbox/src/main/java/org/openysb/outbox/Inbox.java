package org.openysb.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.openysb.contracts.CloudEvent;

/**
 * The consuming side of exactly-once in effect: a consumer records each event id in the same transaction as the
 * changes the event causes, and skips an event it has already recorded.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Marks the event as consumed by {@code consumer}.
     *
     * @return true the first time, false when this consumer has seen the event before (do nothing then)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event) {
        int inserted = entityManager
                .createNativeQuery("insert into consumed_event (consumer, event_id, event_type, subject)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .executeUpdate();
        return inserted == 1;
    }
}
