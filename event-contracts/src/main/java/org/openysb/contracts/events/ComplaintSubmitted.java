package org.openysb.contracts.events;

import java.time.OffsetDateTime;

/**
 * A complaint was accepted (受理) on any channel and has a case number.
 *
 * @param channel WEB, HOTLINE, LETTER, OPEN311 or REFERRAL
 * @param type INQUIRY, HELP, SUGGESTION, COMPLAINT or REPORT
 * @param district district code from departments.csv (scope of 属地管理)
 * @param categoryHint a category code the complainant or operator suggested, or null
 * @param accusedUnit unit code the complaint is about (conflict of interest), or null
 * @param repeatOf case number of the earlier case this one repeats (并单), or null
 */
public record ComplaintSubmitted(
        String caseNumber,
        String channel,
        String type,
        boolean urgent,
        String title,
        String content,
        String district,
        String categoryHint,
        String accusedUnit,
        boolean anonymous,
        boolean confidential,
        OffsetDateTime receivedAt,
        ComplainantRef complainant,
        String repeatOf) {}
