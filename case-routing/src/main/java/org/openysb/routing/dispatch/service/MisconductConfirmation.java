package org.openysb.routing.dispatch.service;

import org.openysb.problem.DomainException;
import org.openysb.routing.cases.model.RoutingCase;

/**
 * The confirmation a person gives to send a case the misconduct guard flagged to another unit than the discipline
 * commission: by hand (人工派单), in an arbitration ruling (仲裁) or a designation (指定承办). Without it the request
 * fails on the field {@code misconductConfirmation}; with it, the reason and the guard's evidence are recorded on the
 * decision and in CaseRouted.
 */
final class MisconductConfirmation {
    private MisconductConfirmation() {}

    /** Who decides, for the wording of the error and of the trail. */
    enum Act {
        DISPATCH("派往", "dispatching", "派单员"),
        RULING("仲裁交由", "a ruling that sends", "仲裁人"),
        DESIGNATION("指定", "designating", "指定人");

        final String zh;
        final String en;
        final String actorZh;

        Act(String zh, String en, String actorZh) {
            this.zh = zh;
            this.en = en;
            this.actorZh = actorZh;
        }
    }

    /**
     * What the decision's explanation gains: nothing when the case is not flagged or goes to the commission; the
     * confirmation and the guard's evidence otherwise. Throws 400 (field {@code misconductConfirmation}) when the
     * confirmation is missing.
     *
     * @param discipline the unit the misconduct category's row names for the case's district (null: none)
     * @param disciplineName its name
     */
    static String check(
            RoutingCase c, String lead, String discipline, String disciplineName, String confirmation, Act act) {
        if (!c.misconductSuspected() || lead == null || lead.equals(discipline)) {
            return "";
        }
        if (confirmation == null || confirmation.isBlank()) {
            String commission = discipline == null ? "纪检监察机关" : disciplineName;
            throw DomainException.invalidField(
                    "misconductConfirmation",
                    confirmation,
                    "该工单疑似涉及工作人员作风问题，" + act.zh + commission + "以外的单位须确认并说明理由",
                    "The case may concern officials' misconduct: " + act.en + " it to a unit other than the"
                            + " discipline commission needs a confirmation with a reason");
        }
        return "；疑似作风问题，" + act.actorZh + "确认不交纪检监察机关，理由：" + confirmation.trim() + "（作风问题研判：" + c.misconductEvidence
                + "）";
    }
}
