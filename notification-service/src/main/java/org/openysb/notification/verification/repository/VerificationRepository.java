package org.openysb.notification.verification.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.notification.verification.model.MobileVerification;

@ApplicationScoped
public class VerificationRepository implements PanacheRepository<MobileVerification> {
    /**
     * Serialises the requests and tries for one number (its hash) until the transaction ends, across instances: two
     * requests at once cannot both pass the limits, two tries cannot both use the last attempt.
     */
    public void lockNumber(String mobileHash) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "mobile-verification:" + mobileHash)
                .getSingleResult();
    }

    /** When codes were sent (or are being sent) to this number since {@code since}, oldest first. */
    public List<OffsetDateTime> sentToNumberSince(String mobileHash, OffsetDateTime since) {
        return getEntityManager()
                .createQuery(
                        "select v.createdAt from MobileVerification v where v.mobileHash = ?1 and v.createdAt > ?2"
                                + " and v.status <> ?3 order by v.createdAt",
                        OffsetDateTime.class)
                .setParameter(1, mobileHash)
                .setParameter(2, since)
                .setParameter(3, MobileVerification.Status.FAILED)
                .getResultList();
    }

    /** When this client address asked for codes since {@code since} (sent or not), oldest first. */
    public List<OffsetDateTime> requestedByClientSince(String clientHash, OffsetDateTime since) {
        return getEntityManager()
                .createQuery(
                        "select v.createdAt from MobileVerification v where v.clientHash = ?1 and v.createdAt > ?2"
                                + " order by v.createdAt",
                        OffsetDateTime.class)
                .setParameter(1, clientHash)
                .setParameter(2, since)
                .getResultList();
    }

    /** The number's latest code that did not fail to go out, locked for the try. */
    public Optional<MobileVerification> latestFor(String mobileHash) {
        return find(
                        "mobileHash = ?1 and status <> ?2 order by createdAt desc, id desc",
                        mobileHash,
                        MobileVerification.Status.FAILED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public long deleteCreatedBefore(OffsetDateTime before) {
        return delete("createdAt < ?1", before);
    }
}
