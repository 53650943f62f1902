package org.openysb.intake.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.model.StoredAttachment;
import org.openysb.intake.repository.AttachmentRepository;
import org.openysb.problem.DomainException;

/** Reads attachments back, verifying each against the SHA-256 stored with it. */
@ApplicationScoped
public class AttachmentService {
    private static final Logger LOG = Logger.getLogger(AttachmentService.class);
    private final AttachmentRepository attachments;

    public AttachmentService(AttachmentRepository attachments) {
        this.attachments = attachments;
    }

    @Transactional
    public List<StoredAttachment> list(String caseNumber) {
        return attachments.listByCase(caseNumber);
    }

    /** The attachment with its content; a content that no longer matches its checksum is never served. */
    @Transactional
    public Optional<StoredAttachment> read(String caseNumber, long id) {
        return attachments.find(caseNumber, id).map(a -> {
            if (!ScannedFile.sha256(a.content()).equals(a.sha256()) || a.content().length != a.size()) {
                LOG.errorf("attachment %d of %s does not match its stored SHA-256: not served", id, caseNumber);
                throw new DomainException(
                        500,
                        "attachment-corrupt",
                        "附件已损坏，请联系管理员",
                        "The stored attachment is corrupt",
                        "attachment " + id + " of " + caseNumber + " failed its checksum");
            }
            return a;
        });
    }
}
