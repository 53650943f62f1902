package org.openysb.supervision.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.model.WorkItem;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.WorkItemRepository;

/**
 * 回访评价 through the complainant's link: the token proves the link was issued for the case (a wrong token is
 * indistinguishable from an unknown case); a rated case answers 409, a closed window 410.
 */
@ApplicationScoped
public class FollowUpService {
    private final FollowUpLinks links;
    private final WorkItemRepository workItems;
    private final CaseActionService actions;
    private final CalendarService calendar;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public FollowUpService(
            FollowUpLinks links, WorkItemRepository workItems, CaseActionService actions, CalendarService calendar) {
        this.links = links;
        this.workItems = workItems;
        this.actions = actions;
        this.calendar = calendar;
    }

    @Transactional
    public FollowUpView view(String caseNumber, String token) {
        return FollowUpView.of(item(caseNumber, token), OffsetDateTime.now(clock), calendar.calendar());
    }

    /** The complainant rates the reply (once, before the follow-up deadline). */
    public FollowUpView rate(String caseNumber, String token, String rating, Boolean solved, String comment) {
        item(caseNumber, token);
        actions.recordFollowUp(caseNumber, rating, solved, comment, "COMPLAINANT", null);
        return view(caseNumber, token);
    }

    private WorkItem item(String caseNumber, String token) {
        WorkItem item = links.valid(caseNumber, token) ? workItems.findById(caseNumber) : null;
        if (item == null) {
            throw DomainException.notFound("case", caseNumber);
        }
        return item;
    }
}
