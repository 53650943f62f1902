package org.openysb.intake.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A 12345 work order pushed by the call-centre system; its number makes the push idempotent. */
@Entity
@Table(name = "hotline_work_order")
public class HotlineWorkOrder {
    @Id
    @Column(name = "work_order_number", length = 40)
    public String workOrderNumber;

    /** {@link #contentHash(Map)} of what was pushed: a second push with other content is a conflict. */
    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "case_number", length = 20)
    public String caseNumber;

    /** Encrypted; kept so that a repeated push gets the same receipt. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "query_code", length = 200)
    public String queryCode;

    @Column(name = "operator_id", nullable = false, length = 50)
    public String operatorId;

    /** Encrypted; the number the caller called from (may be a landline). */
    @Convert(converter = EncryptedString.class)
    @Column(name = "caller_phone", length = 200)
    public String callerPhone;

    @Column(name = "recording_ref", length = 200)
    public String recordingRef;

    @Column(name = "call_time", nullable = false)
    public OffsetDateTime callTime;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean sameContent(String otherHash) {
        return MessageDigest.isEqual(
                contentHash.getBytes(StandardCharsets.US_ASCII), otherHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Canonical SHA-256 of a work order's content: fields sorted by name, null and blank values left out, strings
     * stripped, each value length-prefixed so that no two different contents encode alike.
     */
    public static String contentHash(Map<String, ?> fields) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            String text = value == null ? null : value.toString().strip();
            if (text != null && !text.isEmpty()) {
                canonical
                        .append(name)
                        .append('=')
                        .append(text.length())
                        .append(':')
                        .append(text)
                        .append('\n');
            }
        });
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
