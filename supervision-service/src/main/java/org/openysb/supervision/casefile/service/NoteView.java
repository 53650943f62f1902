package org.openysb.supervision.casefile.service;

import java.time.OffsetDateTime;

/** 内部备注 as staff see it. */
public record NoteView(Long id, String caseNumber, String author, String unit, String text, OffsetDateTime createdAt) {}
