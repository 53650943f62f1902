package org.openysb.intake.service;

import java.time.OffsetDateTime;

/** The receipt (受理回执): the case number and the query code, shown once. */
public record SubmittedComplaint(String caseNumber, String queryCode, OffsetDateTime receivedAt, String status) {}
