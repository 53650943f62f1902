package org.openysb.intake.model;

/** The status a complainant sees, with its Chinese label. */
public enum CaseStatus {
    RECEIVED("已受理"),
    DISPATCHED("已派发"),
    MANUAL_DISPATCH("待人工分派"),
    IN_PROGRESS("办理中"),
    REPLIED("已答复"),
    CLOSED("已办结");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
