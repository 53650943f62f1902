package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A supervisor rejected a suspension request (不予中止); the handling clock keeps running.
 *
 * @param unit the unit that asked
 * @param reason why the request was rejected; null when the supervisor gave none
 * @param decidedBy the user name of the supervisor who ruled on the request
 */
public record SuspensionRejected(
        String caseNumber, UnitRef unit, String reason, String decidedBy, OffsetDateTime decidedAt) {}
