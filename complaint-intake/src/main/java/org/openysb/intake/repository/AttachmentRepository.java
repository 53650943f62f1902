package org.openysb.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.model.StoredAttachment;

/** Attachments in PostgreSQL (bytea), written in the transaction of their case. */
@ApplicationScoped
public class AttachmentRepository {
    private final EntityManager em;

    public AttachmentRepository(EntityManager em) {
        this.em = em;
    }

    public long insert(
            String caseNumber,
            int position,
            String fileName,
            String mediaType,
            byte[] content,
            String sha256,
            OffsetDateTime now) {
        return ((Number) em.createNativeQuery("insert into attachment (case_number, position, file_name, media_type,"
                                + " size_bytes, sha256, content, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                + " returning id")
                        .setParameter(1, caseNumber)
                        .setParameter(2, position)
                        .setParameter(3, fileName)
                        .setParameter(4, mediaType)
                        .setParameter(5, (long) content.length)
                        .setParameter(6, sha256)
                        .setParameter(7, content)
                        .setParameter(8, now)
                        .getSingleResult())
                .longValue();
    }

    /**
     * Stores the files of a case in plain JDBC on the caller's connection and transaction (a batch of web
     * submissions, see {@code SubmissionBatcher}): committed with the case, or not at all.
     */
    public void insert(Connection connection, String caseNumber, List<ScannedFile> files, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("insert into attachment (case_number, position,"
                + " file_name, media_type, size_bytes, sha256, content, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (ScannedFile file : files) {
                s.setString(1, caseNumber);
                s.setInt(2, ++position);
                s.setString(3, file.fileName());
                s.setString(4, file.mediaType());
                s.setLong(5, file.content().length);
                s.setString(6, file.sha256());
                s.setBytes(7, file.content());
                s.setObject(8, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The attachments of a case without their content, in page order. */
    public List<StoredAttachment> listByCase(String caseNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, file_name, media_type, size_bytes, sha256 from attachment"
                                + " where case_number = ?1 order by position, id")
                .setParameter(1, caseNumber)
                .getResultList();
        return rows.stream()
                .map(r -> new StoredAttachment(
                        ((Number) r[0]).longValue(),
                        caseNumber,
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        (String) r[4],
                        null))
                .toList();
    }

    /** One attachment of a case with its content; empty when the id is not an attachment of that case. */
    public Optional<StoredAttachment> find(String caseNumber, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, file_name, media_type, size_bytes, sha256, content"
                        + " from attachment where case_number = ?1 and id = ?2")
                .setParameter(1, caseNumber)
                .setParameter(2, id)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new StoredAttachment(
                        ((Number) r[0]).longValue(),
                        caseNumber,
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        (String) r[4],
                        (byte[]) r[5]));
    }
}
