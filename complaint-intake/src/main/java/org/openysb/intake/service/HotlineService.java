package org.openysb.intake.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.HotlineWorkOrder;
import org.openysb.intake.model.PersonalData;
import org.openysb.intake.repository.ComplaintRepository;
import org.openysb.intake.repository.HotlineWorkOrderRepository;
import org.openysb.problem.DomainException;

/** Accepts 12345 hotline work orders, idempotently on the call centre's work-order number. */
@ApplicationScoped
public class HotlineService {
    private final ComplaintService complaintService;
    private final ComplaintRepository complaints;
    private final HotlineWorkOrderRepository workOrders;
    private final Clock clock = Clock.system(ComplaintService.CHINA);

    public HotlineService(
            ComplaintService complaintService, ComplaintRepository complaints, HotlineWorkOrderRepository workOrders) {
        this.complaintService = complaintService;
        this.complaints = complaints;
        this.workOrders = workOrders;
    }

    /**
     * The first push of a number creates the case (channel HOTLINE, received at the call time); the same content again
     * answers with the same case; other content under the same number is a conflict. One transaction: the work order,
     * the case and its ComplaintSubmitted event are stored together or not at all.
     */
    @Transactional
    public HotlineReceipt acceptWorkOrder(HotlineCall call) {
        String hash = HotlineWorkOrder.contentHash(call.contentFields());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!workOrders.claim(call.workOrderNumber(), hash, call.operatorId(), call.callTime(), now)) {
            HotlineWorkOrder existing = workOrders
                    .findByNumber(call.workOrderNumber())
                    .orElseThrow(() -> new IllegalStateException("claimed work order vanished"));
            if (!existing.sameContent(hash)) {
                throw DomainException.conflict(
                        "work-order-conflict",
                        "该热线工单编号已提交过不同内容",
                        "This work-order number was already pushed with different content",
                        "work order " + call.workOrderNumber() + " is case " + existing.caseNumber
                                + " with other content");
            }
            Complaint complaint = complaints
                    .findByCaseNumber(existing.caseNumber)
                    .orElseThrow(() -> new IllegalStateException("work order without case"));
            return new HotlineReceipt(
                    existing.workOrderNumber,
                    complaint.caseNumber,
                    existing.queryCode,
                    ComplaintService.china(complaint.receivedAt),
                    complaint.status.name(),
                    false);
        }
        boolean mobile = PersonalData.isValidMobile(call.callerPhone());
        ComplainantKind kind = call.complainantKind() != null ? call.complainantKind() : ComplainantKind.PERSON;
        SubmittedComplaint receipt = complaintService.submitComplaint(new NewComplaint(
                Channel.HOTLINE,
                call.type(),
                call.urgent(),
                call.summary(),
                call.content() == null || call.content().isBlank() ? call.summary() : call.content(),
                call.district(),
                call.categoryHint(),
                call.accusedUnit(),
                call.anonymous(),
                call.confidential(),
                call.callTime(),
                kind,
                call.callerName(),
                mobile ? call.callerPhone() : null,
                call.email(),
                call.idNumber(),
                call.creditCode() == null ? null : call.creditCode().toUpperCase(),
                call.contactPerson(),
                null));
        HotlineWorkOrder order = workOrders
                .findByNumber(call.workOrderNumber())
                .orElseThrow(() -> new IllegalStateException("claimed work order vanished"));
        order.caseNumber = receipt.caseNumber();
        order.queryCode = receipt.queryCode();
        order.callerPhone = call.callerPhone();
        order.recordingRef = call.recordingRef();
        return new HotlineReceipt(
                call.workOrderNumber(),
                receipt.caseNumber(),
                receipt.queryCode(),
                ComplaintService.china(receipt.receivedAt()),
                receipt.status(),
                true);
    }
}
