package org.openysb.intake.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.ExternalDetails;
import org.openysb.intake.model.HotlineWorkOrder;
import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.repository.AttachmentRepository;
import org.openysb.intake.repository.ComplaintRepository;
import org.openysb.intake.repository.ExternalSubmissionRepository;
import org.openysb.problem.DomainException;

/**
 * Letters (LETTER) and referrals (REFERRAL), idempotent on the sender's reference like hotline work orders: the first
 * entry creates the case, the same content again answers with the same case, other content under the same reference
 * is a conflict. One transaction: the reference, the case, its attachments and its ComplaintSubmitted event are
 * stored together or not at all.
 */
@ApplicationScoped
public class ExternalIntakeService {
    private final ComplaintService complaintService;
    private final ComplaintRepository complaints;
    private final ExternalSubmissionRepository submissions;
    private final AttachmentRepository attachments;
    private final Clock clock = Clock.system(ComplaintService.CHINA);

    public ExternalIntakeService(
            ComplaintService complaintService,
            ComplaintRepository complaints,
            ExternalSubmissionRepository submissions,
            AttachmentRepository attachments) {
        this.complaintService = complaintService;
        this.complaints = complaints;
        this.submissions = submissions;
        this.attachments = attachments;
    }

    /**
     * @param contentFields everything that makes up the content (attachments by their SHA-256), for the content hash
     */
    @Transactional
    public ExternalReceipt accept(
            String reference,
            Map<String, Object> contentFields,
            NewComplaint complaint,
            ExternalDetails details,
            List<ScannedFile> files) {
        String hash = HotlineWorkOrder.contentHash(contentFields);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!submissions.claim(complaint.channel(), reference, hash, now)) {
            ExternalSubmissionRepository.Stored existing = submissions
                    .find(complaint.channel(), reference)
                    .orElseThrow(() -> new IllegalStateException("claimed reference vanished"));
            if (!MessageDigestEquals.equal(existing.contentHash(), hash)) {
                String what = complaint.channel().name().toLowerCase();
                throw DomainException.conflict(
                        what + "-reference-conflict",
                        "该编号已登记过不同内容",
                        "This reference was already entered with different content",
                        what + " " + reference + " is case " + existing.caseNumber() + " with other content");
            }
            Complaint earlier = complaints
                    .findByCaseNumber(existing.caseNumber())
                    .orElseThrow(() -> new IllegalStateException("reference without case"));
            return new ExternalReceipt(
                    reference,
                    earlier.caseNumber,
                    existing.queryCode(),
                    ComplaintService.china(earlier.receivedAt),
                    earlier.status.name(),
                    false,
                    attachments.listByCase(earlier.caseNumber));
        }
        SubmittedComplaint receipt = complaintService.submitComplaint(complaint);
        int position = 0;
        for (ScannedFile file : files) {
            attachments.insert(
                    receipt.caseNumber(),
                    ++position,
                    file.fileName(),
                    file.mediaType(),
                    file.content(),
                    file.sha256(),
                    now);
        }
        submissions.complete(complaint.channel(), reference, receipt.caseNumber(), receipt.queryCode(), details);
        return new ExternalReceipt(
                reference,
                receipt.caseNumber(),
                receipt.queryCode(),
                ComplaintService.china(receipt.receivedAt()),
                receipt.status(),
                true,
                attachments.listByCase(receipt.caseNumber()));
    }

    /** Constant-time comparison of two hex hashes. */
    private static final class MessageDigestEquals {
        static boolean equal(String a, String b) {
            return java.security.MessageDigest.isEqual(
                    a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
