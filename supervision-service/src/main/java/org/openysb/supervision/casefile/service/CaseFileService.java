package org.openysb.supervision.casefile.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.contracts.events.ComplaintSubmitted;
import org.openysb.problem.DomainException;
import org.openysb.supervision.casefile.model.CaseComplaint;
import org.openysb.supervision.casefile.model.CaseNote;
import org.openysb.supervision.casefile.repository.CaseComplaintRepository;
import org.openysb.supervision.casefile.repository.CaseNoteRepository;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;
import org.openysb.supervision.service.CalendarService;
import org.openysb.supervision.service.TrailService;
import org.openysb.supervision.service.WorkItemService;
import org.openysb.supervision.suspension.service.SuspensionService;
import org.openysb.supervision.suspension.service.SuspensionView;

/** The case page: one case as its lead unit, a co-unit or an overseer sees it; and its staff-only notes. */
@ApplicationScoped
public class CaseFileService {
    private final WorkItemRepository workItems;
    private final CaseComplaintRepository complaints;
    private final CaseNoteRepository notes;
    private final CalendarService calendar;
    private final TrailService trail;
    private final SuspensionService suspensions;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public CaseFileService(
            WorkItemRepository workItems,
            CaseComplaintRepository complaints,
            CaseNoteRepository notes,
            CalendarService calendar,
            TrailService trail,
            SuspensionService suspensions) {
        this.workItems = workItems;
        this.complaints = complaints;
        this.notes = notes;
        this.calendar = calendar;
        this.trail = trail;
        this.suspensions = suspensions;
    }

    /** Keeps what units may read of a received complaint (once per case). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordComplaint(ComplaintSubmitted submitted) {
        if (complaints.findById(submitted.caseNumber()) != null) {
            return;
        }
        complaints.persist(complaintOf(submitted));
    }

    /** The complaint as units may read it on the case page (no name or mobile of a confidential complainant). */
    public static CaseComplaint complaintOf(ComplaintSubmitted submitted) {
        CaseComplaint c = new CaseComplaint();
        c.caseNumber = submitted.caseNumber();
        c.title = truncate(submitted.title(), 200);
        c.content = submitted.content() == null ? "" : submitted.content();
        c.channel = submitted.channel();
        c.receivedAt = submitted.receivedAt();
        c.anonymous = submitted.anonymous();
        c.confidential = submitted.confidential();
        c.accusedUnit = submitted.accusedUnit();
        c.repeatOf = submitted.repeatOf();
        if (submitted.complainant() != null) {
            c.complainantKind = submitted.complainant().kind();
            c.contactable = submitted.complainant().contactable();
            if (!submitted.confidential() && !submitted.anonymous()) {
                c.displayName = truncate(submitted.complainant().displayName(), 200);
                c.maskedMobile = truncate(submitted.complainant().maskedMobile(), 20);
            }
        } else {
            c.complainantKind = submitted.anonymous() ? "ANONYMOUS" : "PERSON";
        }
        return c;
    }

    @Transactional
    public CaseFile caseFile(String caseNumber, Viewer viewer) {
        WorkItem item = workItems.findById(caseNumber);
        CaseComplaint complaint = item == null ? null : complaints.findById(caseNumber);
        String role =
                item == null ? null : CaseAccess.roleOf(item, complaint, viewer).orElse(null);
        if (role == null) {
            throw DomainException.notFound("case", caseNumber);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<SuspensionView> suspension = suspensions.latest(caseNumber);
        return new CaseFile(
                WorkItemService.view(item, calendar.calendar()),
                role,
                actions(item, role, viewer, suspension),
                complaint == null ? null : complaintView(complaint),
                new CaseFile.Repeats(complaint == null ? null : complaint.repeatOf, complaints.repeatsOf(caseNumber)),
                Clocks.of(item, calendar.calendar(), now),
                trail.stepsOf(caseNumber).stream()
                        .map(s -> new CaseFile.TimelineEntry(s.at(), s.actor(), s.action(), s.detail()))
                        .toList(),
                new CaseFile.ExtensionView(
                        item.extensionState.name(),
                        item.extensionDays,
                        item.extensionReason,
                        item.extensionBasis,
                        item.originalHandlingDeadline == null
                                ? null
                                : item.originalHandlingDeadline
                                        .atZoneSameInstant(WorkingCalendar.CHINA)
                                        .toOffsetDateTime()),
                suspension.orElse(null));
    }

    @Transactional
    public List<NoteView> notesOf(String caseNumber, Viewer viewer) {
        requireAccess(caseNumber, viewer);
        return notes.ofCase(caseNumber).stream().map(CaseFileService::noteView).toList();
    }

    /** 内部备注: kept with the case and on its trail; never part of anything the complainant sees. */
    @Transactional
    public NoteView addNote(String caseNumber, String text, Viewer viewer) {
        WorkItem item = requireAccess(caseNumber, viewer);
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseNote note = new CaseNote();
        note.caseNumber = caseNumber;
        note.author = viewer.name();
        note.unit = viewer.units().contains(item.leadUnit)
                ? item.leadUnit
                : item.coUnitCodes().stream()
                        .filter(viewer.units()::contains)
                        .findFirst()
                        .orElse(null);
        note.text = text;
        note.createdAt = now;
        notes.persist(note);
        trail.append(caseNumber, now, viewer.name(), "note", item.status.name(), item.status.name(), "内部备注：" + text);
        return noteView(note);
    }

    private WorkItem requireAccess(String caseNumber, Viewer viewer) {
        WorkItem item = workItems.findById(caseNumber);
        if (item == null
                || CaseAccess.roleOf(item, complaints.findById(caseNumber), viewer)
                        .isEmpty()) {
            throw DomainException.notFound("case", caseNumber);
        }
        return item;
    }

    private static List<String> actions(
            WorkItem item, String role, Viewer viewer, Optional<SuspensionView> suspension) {
        List<String> actions = new ArrayList<>();
        boolean open = item.status == WorkItem.Status.ASSIGNED || item.status == WorkItem.Status.SIGNED;
        if (viewer.handler() && CaseAccess.LEAD.equals(role)) {
            actions.addAll(item.allowedActions());
            boolean pending = suspension
                    .map(s -> s.state().equals("REQUESTED") || s.state().equals("ACTIVE"))
                    .orElse(false);
            if (item.status == WorkItem.Status.SIGNED && !item.suspended && !pending) {
                actions.add("suspension");
            }
            if (item.suspended) {
                actions.add("resume");
            }
        }
        if (viewer.handler() && CaseAccess.CO.equals(role) && open && !item.suspended) {
            actions.add("co-unit-part");
        }
        actions.add("note");
        return List.copyOf(actions);
    }

    private static CaseFile.ComplaintView complaintView(CaseComplaint c) {
        return new CaseFile.ComplaintView(
                c.title,
                c.content,
                c.channel,
                c.receivedAt.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime(),
                c.complainantKind,
                c.displayName,
                c.maskedMobile,
                c.anonymous,
                c.confidential,
                c.contactable);
    }

    private static NoteView noteView(CaseNote n) {
        return new NoteView(
                n.id,
                n.caseNumber,
                n.author,
                n.unit,
                n.text,
                n.createdAt.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
