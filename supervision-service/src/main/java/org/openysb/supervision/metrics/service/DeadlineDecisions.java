package org.openysb.supervision.metrics.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.repository.WorkItemRepository;

/**
 * Part of the escalation sweep: finds the assignments whose sign-for or first-contact deadline has passed while the
 * outcome is still undecided (not signed, not contacted) and counts them as decided, not on time. Rows are claimed
 * with {@code for update skip locked} and the entity's version guards against a handler acting at the same moment.
 */
@ApplicationScoped
public class DeadlineDecisions {
    private final EntityManager entityManager;
    private final WorkItemRepository workItems;
    private final MetricsRecorder recorder;

    public DeadlineDecisions(EntityManager entityManager, WorkItemRepository workItems, MetricsRecorder recorder) {
        this.entityManager = entityManager;
        this.workItems = workItems;
        this.recorder = recorder;
    }

    /** Returns how many outcomes it decided. */
    public int decideLapsed(OffsetDateTime now, int batchSize) {
        return lapsed("sign_decided", "sign_for_deadline", now, batchSize, item -> recorder.signDecided(item, false))
                + lapsed(
                        "response_decided",
                        "first_contact_deadline",
                        now,
                        batchSize,
                        item -> recorder.responseDecided(item, false));
    }

    private int lapsed(
            String flag,
            String deadline,
            OffsetDateTime now,
            int batchSize,
            java.util.function.Consumer<WorkItem> decide) {
        int total = 0;
        int claimed;
        do {
            List<String> batch = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<String> due = entityManager
                        .createNativeQuery("select case_number from work_item where not " + flag + " and " + deadline
                                + " < ?1 order by " + deadline + " limit ?2 for update skip locked")
                        .setParameter(1, now)
                        .setParameter(2, batchSize)
                        .getResultList();
                for (String caseNumber : due) {
                    decide.accept(workItems.findById(caseNumber));
                }
                return due;
            });
            claimed = batch.size();
            total += claimed;
        } while (claimed == batchSize);
        return total;
    }
}
