package org.openysb.intake.model;

/** 诉求类型: inquiry 咨询, help 求助, suggestion 意见建议, complaint 投诉, report 举报. */
public enum ComplaintType {
    INQUIRY,
    HELP,
    SUGGESTION,
    COMPLAINT,
    REPORT
}
