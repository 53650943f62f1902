package org.openysb.supervision.suspension.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.suspension.model.Suspension;

@ApplicationScoped
public class SuspensionRepository implements PanacheRepositoryBase<Suspension, Long> {
    /** The case's latest suspension, whatever its state. */
    public Optional<Suspension> latest(String caseNumber) {
        return find("caseNumber = ?1 order by requestedAt desc, id desc", caseNumber)
                .firstResultOptional();
    }

    /** The case's requested or running suspension (at most one, by a unique index). */
    public Optional<Suspension> pending(String caseNumber) {
        return find(
                        "caseNumber = ?1 and state in ?2",
                        caseNumber,
                        List.of(Suspension.State.REQUESTED, Suspension.State.ACTIVE))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Suspension> inState(Suspension.State state, int limit) {
        return find("state = ?1 order by requestedAt", state).page(0, limit).list();
    }

    /** Running suspensions whose time is up, oldest first. */
    public List<Long> dueToResume(OffsetDateTime now, int limit) {
        return find("state = ?1 and resumeBy <= ?2 order by resumeBy", Suspension.State.ACTIVE, now)
                .page(0, limit)
                .project(IdOnly.class)
                .list()
                .stream()
                .map(IdOnly::id)
                .toList();
    }

    public record IdOnly(Long id) {}
}
