package org.openysb.intake.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.openysb.contracts.EventType;
import org.openysb.contracts.events.ComplainantRef;
import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.intake.crypto.FieldCipher;
import org.openysb.intake.model.CaseStatus;
import org.openysb.intake.model.Complainant;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.Complaint;
import org.openysb.intake.model.TimelineEntry;
import org.openysb.intake.repository.CaseNumberRepository;
import org.openysb.intake.repository.ComplaintRepository;
import org.openysb.intake.repository.TimelineRepository;
import org.openysb.outbox.Outbox;

/** Accepts complaints (受理) from every channel and answers the complainant's tracking queries. */
@ApplicationScoped
public class ComplaintService {
    private static final Logger LOG = Logger.getLogger(ComplaintService.class);
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String REF_PREFIX = "complaint:";

    private final ComplaintRepository complaints;
    private final CaseNumberRepository caseNumbers;
    private final TimelineRepository timeline;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final RepeatDetection repeats;
    private final IntakeMetrics metrics;
    private final RepeatIndex repeatIndex;
    private final Clock clock = Clock.system(CHINA);

    public ComplaintService(
            ComplaintRepository complaints,
            CaseNumberRepository caseNumbers,
            TimelineRepository timeline,
            Outbox outbox,
            FieldCipher cipher,
            RepeatDetection repeats,
            IntakeMetrics metrics,
            RepeatIndex repeatIndex) {
        this.repeatIndex = repeatIndex;
        this.complaints = complaints;
        this.caseNumbers = caseNumbers;
        this.timeline = timeline;
        this.outbox = outbox;
        this.cipher = cipher;
        this.repeats = repeats;
        this.metrics = metrics;
    }

    /** Stores the complaint, gives it a case number and query code, and publishes ComplaintSubmitted with it. */
    @Transactional
    public SubmittedComplaint submitComplaint(NewComplaint input) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Complaint complaint = prepare(input, now);
        complaint.caseNumber = caseNumbers.next(caseDay(now));
        String queryCode = newQueryCode();
        complaint.queryCodeHash = Complaint.hashQueryCode(complaint.caseNumber, queryCode);
        repeats.findEarlierCase(complaint)
                .ifPresent(match -> complaint.markRepeatOf(match.caseNumber(), match.similarity()));
        complaints.persist(complaint);
        repeatIndex.whenCommitted(complaint);
        timeline.persist(TimelineEntry.of(complaint.caseNumber, now, SUBMITTED_STEP, SUBMITTED_DESCRIPTION));
        outbox.append(EventType.COMPLAINT_SUBMITTED, complaint.caseNumber, toEvent(complaint));
        logAccepted(complaint);
        metrics.whenCommitted(complaint);
        return new SubmittedComplaint(complaint.caseNumber, queryCode, complaint.receivedAt, complaint.status.name());
    }

    /** The first step of every case's timeline. */
    static final String SUBMITTED_STEP = EventType.COMPLAINT_SUBMITTED.simpleName();

    static final String SUBMITTED_DESCRIPTION = "诉求已受理，等待派单";

    /** The day whose counter numbers a case accepted at {@code now}. */
    static java.time.LocalDate caseDay(OffsetDateTime now) {
        return now.atZoneSameInstant(CHINA).toLocalDate();
    }

    String newQueryCode() {
        String digits = Integer.toString(codes.get().nextInt(1_000_000));
        return "000000".substring(digits.length()) + digits;
    }

    /** Per thread: one shared SecureRandom serialises every submission on its lock. */
    private final ThreadLocal<SecureRandom> codes = ThreadLocal.withInitial(SecureRandom::new);

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A case from validated input, everything but its case number, query code and repeat link. */
    Complaint prepare(NewComplaint input, OffsetDateTime now) {
        Complaint complaint = new Complaint();
        complaint.channel = input.channel();
        complaint.type = input.type();
        complaint.urgent = input.urgent();
        complaint.title = input.title().strip();
        complaint.content = input.content().strip();
        complaint.district = input.district();
        complaint.categoryHint = input.categoryHint();
        complaint.accusedUnit = input.accusedUnit();
        complaint.anonymous = input.anonymous() || input.complainantKind() == ComplainantKind.ANONYMOUS;
        complaint.confidential = input.confidential();
        complaint.receivedAt = input.receivedAt() != null ? input.receivedAt() : now;
        complaint.ownerSubject = input.ownerSubject();
        complaint.updatedAt = now;
        Complainant who = complaint.complainant;
        who.kind = complaint.anonymous && input.mobile() == null && input.email() == null
                ? ComplainantKind.ANONYMOUS
                : input.complainantKind();
        who.name = input.complainantName();
        who.mobile = input.mobile();
        who.email = input.email();
        who.idNumber = input.idNumber();
        who.creditCode = input.creditCode();
        who.contactPerson = input.contactPerson();
        who.mobileHash = cipher.lookupHash(who.mobile);
        return complaint;
    }

    static void logAccepted(Complaint complaint) {
        MDC.put("caseNumber", complaint.caseNumber);
        LOG.infof(
                "accepted %s complaint via %s in %s from %s%s",
                complaint.type,
                complaint.channel,
                complaint.district,
                complaint.complainant,
                complaint.repeatOf == null ? "" : ", repeat of " + complaint.repeatOf);
        MDC.remove("caseNumber");
    }

    /** The public view of a case; empty when the case is unknown or the query code is wrong (indistinguishable). */
    @Transactional
    public Optional<CaseTracking> track(String caseNumber, String queryCode) {
        return complaints
                .findByCaseNumber(caseNumber)
                .filter(c -> c.queryCodeMatches(queryCode))
                .map(this::toTracking);
    }

    /** The public view of a case whose tracking link was checked already; empty when the case is unknown. */
    @Transactional
    public Optional<CaseTracking> trackByLink(String caseNumber) {
        return complaints.findByCaseNumber(caseNumber).map(this::toTracking);
    }

    @Transactional
    public boolean exists(String caseNumber) {
        return complaints.findByCaseNumber(caseNumber).isPresent();
    }

    /** A logged-in complainant's own cases. */
    @Transactional
    public List<CaseTracking> listOwnCases(String subject) {
        return complaints.listByOwner(subject).stream().map(this::toTracking).toList();
    }

    /** The repeat links of a case (并单), for dispatchers; empty for an unknown case. */
    @Transactional
    public Optional<RepeatView> listRepeats(String caseNumber) {
        return complaints
                .findByCaseNumber(caseNumber)
                .map(c -> new RepeatView(
                        c.caseNumber,
                        c.repeatOf,
                        c.repeatSimilarity,
                        complaints.listRepeatsOf(c.caseNumber).stream()
                                .map(r -> new RepeatView.Repeat(
                                        r.caseNumber, r.channel.name(), china(r.receivedAt), r.repeatSimilarity))
                                .toList()));
    }

    /**
     * Resolves a complainant reference ({@code complaint:<caseNumber>}, as in ComplaintSubmitted) to contact details in
     * clear, for the services that must contact the complainant; empty when unknown.
     */
    @Transactional
    public Optional<ContactDetails> resolveContact(String ref) {
        if (ref == null || !ref.startsWith(REF_PREFIX)) {
            return Optional.empty();
        }
        return complaints
                .findByCaseNumber(ref.substring(REF_PREFIX.length()))
                .map(c -> new ContactDetails(
                        ref,
                        c.complainant.kind.name(),
                        c.complainant.name,
                        c.complainant.mobile,
                        c.complainant.email,
                        c.anonymous,
                        c.confidential));
    }

    private CaseTracking toTracking(Complaint c) {
        CaseStatus status = c.status;
        return new CaseTracking(
                c.caseNumber,
                c.type.name(),
                c.title,
                status.name(),
                status.label(),
                china(c.receivedAt),
                c.assignedUnitCode == null ? null : new CaseTracking.Unit(c.assignedUnitCode, c.assignedUnitName),
                timeline.listByCase(c.caseNumber).stream()
                        .map(e -> new CaseTracking.Step(china(e.occurredAt), e.step, e.description))
                        .toList(),
                china(c.expectedReplyBy),
                c.expectedReplyBy != null && c.expectedReplyProvisional,
                c.reply == null
                        ? null
                        : new CaseTracking.Reply(
                                c.reply.unitName,
                                c.reply.resultCode,
                                c.reply.resultName(),
                                c.reply.text,
                                china(c.reply.repliedAt)));
    }

    /** Times are shown as Beijing time, whatever zone the database driver hands back. */
    static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CHINA).toOffsetDateTime();
    }

    static ComplaintSubmitted toEvent(Complaint c) {
        Complainant who = c.complainant;
        boolean hideName = c.anonymous || c.confidential;
        ComplainantRef ref = new ComplainantRef(
                who.kind.name(),
                REF_PREFIX + c.caseNumber,
                hideName ? null : who.name,
                who.maskedMobile(),
                who.contactable());
        return new ComplaintSubmitted(
                c.caseNumber,
                c.channel.name(),
                c.type.name(),
                c.urgent,
                c.title,
                c.content,
                c.district,
                c.categoryHint,
                c.accusedUnit,
                c.anonymous,
                c.confidential,
                c.receivedAt,
                ref,
                c.repeatOf);
    }
}
