package org.openysb.intake.rest;

import java.util.List;

/**
 * What the complaint form offers (public, no personal data): the complaint types with their Chinese and English names,
 * the districts, the units a complaint may name, the matrix's categories (事项类别), and what attachments may be.
 */
public record ReferenceDataResponse(
        List<Type> types,
        List<Named> districts,
        List<Named> units,
        List<Named> categories,
        AttachmentLimits attachments) {

    public record Type(String code, String name, String nameEn) {}

    public record Named(String code, String name, String nameEn) {}

    /**
     * @param maxFiles most files one complaint may carry
     * @param maxBytes largest single file
     * @param maxTotalBytes largest total of one complaint's files
     * @param mediaTypes the accepted types (judged by the files' first bytes)
     */
    public record AttachmentLimits(int maxFiles, long maxBytes, long maxTotalBytes, List<String> mediaTypes) {}
}
