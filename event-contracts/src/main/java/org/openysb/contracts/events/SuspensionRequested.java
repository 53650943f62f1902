package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The lead unit asked to suspend (中止申请) a signed case while it waits for the complainant or a third party, with a
 * reason and a basis; a supervisor approves or rejects it.
 *
 * @param unit the unit that asks
 * @param workingDays the longest the handling clock may stand still, in working days
 * @param reason what the unit waits for
 * @param basis the rule or document that allows the suspension
 * @param requestedBy the user name of the handler who asked
 */
public record SuspensionRequested(
        String caseNumber,
        UnitRef unit,
        int workingDays,
        String reason,
        String basis,
        String requestedBy,
        OffsetDateTime requestedAt) {}
