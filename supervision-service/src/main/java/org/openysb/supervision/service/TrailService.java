package org.openysb.supervision.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.supervision.model.TrailEntry;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.TrailRepository;

/** Appends to and verifies each case's hash-chained trail. */
@ApplicationScoped
public class TrailService {
    private final TrailRepository trail;

    public TrailService(TrailRepository trail) {
        this.trail = trail;
    }

    /** Appends a step in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(
            String caseNumber,
            OffsetDateTime at,
            String actor,
            String action,
            String before,
            String after,
            String detail) {
        TrailEntry previous = trail.last(caseNumber).orElse(null);
        trail.persist(TrailEntry.next(previous, caseNumber, at, actor, action, before, after, detail));
    }

    /** The trail of a case and whether its chain is intact. */
    @Transactional
    public TrailView trailOf(String caseNumber) {
        List<TrailEntry> entries = trail.listByCase(caseNumber);
        String expectedPrev = TrailEntry.GENESIS;
        boolean intact = true;
        int expectedSeq = 1;
        String brokenAt = null;
        for (TrailEntry e : entries) {
            if (intact
                    && (e.seq != expectedSeq || !e.prevHash.equals(expectedPrev) || !e.hash.equals(e.computeHash()))) {
                intact = false;
                brokenAt = "seq " + e.seq;
            }
            expectedPrev = e.hash;
            expectedSeq++;
        }
        return new TrailView(
                caseNumber,
                intact,
                brokenAt,
                entries.stream().map(TrailService::step).toList());
    }

    /** The steps of a case's trail as they are, for reading (the chain is verified by {@link #trailOf}). */
    @Transactional
    public List<TrailView.Step> stepsOf(String caseNumber) {
        return trail.listByCase(caseNumber).stream().map(TrailService::step).toList();
    }

    private static TrailView.Step step(TrailEntry e) {
        return new TrailView.Step(
                e.seq,
                e.occurredAt.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime(),
                e.actor,
                e.action,
                e.statusBefore,
                e.statusAfter,
                e.detail,
                e.hash);
    }
}
