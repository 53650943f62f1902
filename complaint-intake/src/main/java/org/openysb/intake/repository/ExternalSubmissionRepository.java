package org.openysb.intake.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.openysb.intake.crypto.FieldCipher;
import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ExternalDetails;

/**
 * Letters and referrals by their sender's reference (external_submission): claimed once, so that entering the same
 * letter or referral again answers with the same case.
 */
@ApplicationScoped
public class ExternalSubmissionRepository {
    private final EntityManager em;
    private final FieldCipher cipher;

    public ExternalSubmissionRepository(EntityManager em, FieldCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /** What was stored under a reference. */
    public record Stored(String contentHash, String caseNumber, String queryCode) {}

    /**
     * Claims a reference for this transaction: true when it is new. A concurrent entry of the same reference waits on
     * the primary key until this transaction ends, then finds the committed row (no duplicate case).
     */
    public boolean claim(Channel channel, String reference, String contentHash, OffsetDateTime now) {
        return em.createNativeQuery("insert into external_submission (channel, reference, content_hash, created_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict (channel, reference) do nothing")
                        .setParameter(1, channel.name())
                        .setParameter(2, reference)
                        .setParameter(3, contentHash)
                        .setParameter(4, now)
                        .executeUpdate()
                == 1;
    }

    public Optional<Stored> find(Channel channel, String reference) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select content_hash, case_number, query_code from external_submission"
                                + " where channel = ?1 and reference = ?2")
                .setParameter(1, channel.name())
                .setParameter(2, reference)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Stored((String) r[0], (String) r[1], cipher.decrypt((String) r[2])));
    }

    public void complete(
            Channel channel, String reference, String caseNumber, String queryCode, ExternalDetails details) {
        em.createNativeQuery("update external_submission set case_number = ?3, query_code = ?4, postmark_date = ?5,"
                        + " sender_address = ?6, referring_body_kind = ?7, referring_body_name = ?8, referred_at = ?9,"
                        + " entered_by = ?10 where channel = ?1 and reference = ?2")
                .setParameter(1, channel.name())
                .setParameter(2, reference)
                .setParameter(3, caseNumber)
                .setParameter(4, cipher.encrypt(queryCode))
                .setParameter(5, details.postmarkDate())
                .setParameter(6, cipher.encrypt(details.senderAddress()))
                .setParameter(7, details.referringBodyKind())
                .setParameter(8, details.referringBodyName())
                .setParameter(9, details.referredAt())
                .setParameter(10, details.enteredBy())
                .executeUpdate();
    }
}
