package org.openysb.intake.model;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The lead unit's written reply (答复) to the complainant, as CaseReplied carried it: shown to whoever holds the case's
 * query code or tracking link, so it keeps nothing else of the event (never the handler who wrote it).
 */
@Embeddable
public class Reply {
    /** Chinese names of the result codes (办理结果). */
    private static final Map<String, String> RESULT_NAMES = Map.of(
            "RESOLVED", "已解决",
            "EXPLAINED", "已解释说明",
            "PARTIALLY_RESOLVED", "部分解决",
            "NOT_ACCEPTED", "不予受理");

    /** Longest reply text kept (supervision-service accepts 4000 characters). */
    public static final int MAX_TEXT = 10_000;

    @Column(name = "reply_unit_name", length = 100)
    public String unitName;

    @Column(name = "reply_result_code", length = 40)
    public String resultCode;

    @Column(name = "reply_text", length = MAX_TEXT)
    public String text;

    @Column(name = "replied_at")
    public OffsetDateTime repliedAt;

    protected Reply() {}

    public Reply(String unitName, String resultCode, String text, OffsetDateTime repliedAt) {
        this.unitName = unitName;
        this.resultCode = resultCode;
        this.text = text != null && text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        this.repliedAt = repliedAt;
    }

    /** The Chinese name of the result code, or null for a code this service does not know. */
    public String resultName() {
        return resultCode == null ? null : RESULT_NAMES.get(resultCode);
    }
}
