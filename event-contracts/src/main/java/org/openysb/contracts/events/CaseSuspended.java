package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A supervisor approved the suspension (中止): the handling clock stands still from {@code suspendedAt} until the case
 * resumes ({@link CaseResumed}), at the latest at {@code resumeBy}. The complainant is told.
 *
 * @param unit the lead unit whose handling clock stops
 * @param workingDays the working days approved
 * @param reason what the unit waits for (from the request)
 * @param basis the rule or document that allows the suspension (from the request)
 * @param resumeBy when the case resumes by itself if nobody resumes it earlier ({@code suspendedAt} + working days)
 * @param approver the user name of the supervisor who approved
 */
public record CaseSuspended(
        String caseNumber,
        UnitRef unit,
        int workingDays,
        String reason,
        String basis,
        OffsetDateTime resumeBy,
        String approver,
        OffsetDateTime suspendedAt) {}
