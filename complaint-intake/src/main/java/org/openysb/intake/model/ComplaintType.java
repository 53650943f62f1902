package org.openysb.intake.model;

/** 诉求类型: inquiry 咨询, help 求助, suggestion 意见建议, complaint 投诉, report 举报. */
public enum ComplaintType {
    INQUIRY("咨询", "Inquiry"),
    HELP("求助", "Request for help"),
    SUGGESTION("意见建议", "Suggestion"),
    COMPLAINT("投诉", "Complaint"),
    REPORT("举报", "Report");

    private final String label;
    private final String labelEn;

    ComplaintType(String label, String labelEn) {
        this.label = label;
        this.labelEn = labelEn;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }
}
