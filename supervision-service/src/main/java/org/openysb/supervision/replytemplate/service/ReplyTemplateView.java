package org.openysb.supervision.replytemplate.service;

import java.time.OffsetDateTime;

/** 答复模板 as handlers pick it and supervisors edit it. */
public record ReplyTemplateView(
        Long id,
        String category,
        String unit,
        String title,
        String body,
        int version,
        boolean active,
        String updatedBy,
        OffsetDateTime updatedAt) {}
