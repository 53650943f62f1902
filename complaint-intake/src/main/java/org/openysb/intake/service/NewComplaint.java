package org.openysb.intake.service;

import java.time.OffsetDateTime;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ComplaintType;

/** What every channel hands to {@link ComplaintService#submitComplaint}: validated input, not yet a case. */
public record NewComplaint(
        Channel channel,
        ComplaintType type,
        boolean urgent,
        String title,
        String content,
        String district,
        String categoryHint,
        String accusedUnit,
        boolean anonymous,
        boolean confidential,
        OffsetDateTime receivedAt,
        ComplainantKind complainantKind,
        String complainantName,
        String mobile,
        String email,
        String idNumber,
        String creditCode,
        String contactPerson,
        String ownerSubject) {}
