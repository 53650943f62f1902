package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * The lead unit made first contact (先行联系) with the complainant. Carries no contact details of the complainant.
 *
 * @param unit the unit that made contact
 * @param method PHONE, SMS, EMAIL, VISIT or OTHER
 * @param actor the user name of the handler who made contact
 * @param onTime contact was made within the first-contact limit (counts in the response rate, 响应率)
 */
public record FirstContactMade(
        String caseNumber, UnitRef unit, String method, String actor, OffsetDateTime contactedAt, boolean onTime) {}
