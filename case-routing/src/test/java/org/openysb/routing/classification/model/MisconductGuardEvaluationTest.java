package org.openysb.routing.classification.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.openysb.routing.classification.model.EvaluationData.Outcome;
import org.openysb.routing.classification.model.EvaluationData.Routed;
import org.openysb.routing.classification.model.EvaluationData.Router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openysb.routing.classification.model.EvaluationData.jsonLines;

/**
 * The misconduct guard on the held-out misconduct set (reference-data/misconduct-evaluation.jsonl, never trained on,
 * never used to choose a threshold) and on the held-out category set, routed as RoutingService routes: classifier,
 * guard, responsibility matrix. Targets (issue 20): no misconduct complaint auto-routed to another unit than the
 * discipline commission; at least 98 % of them reach it or manual dispatch; at most 5 % of ordinary complaints sent to
 * it or to manual dispatch because of the guard.
 */
class MisconductGuardEvaluationTest {

    @Test
    void misconductNeverReachesAnotherUnitAndOrdinaryComplaintsRarelyWait() throws IOException {
        Router router = new Router();
        int misconduct = 0;
        int caught = 0;
        int strong = 0;
        int autoOther = 0;
        int ordinary = 0;
        int heldBack = 0;
        for (JsonNode example : jsonLines("misconduct-evaluation.jsonl")) {
            Routed r = router.route(example);
            if (example.path("misconduct").asBoolean()) {
                misconduct++;
                caught += r.outcome() != Outcome.AUTO_OTHER ? 1 : 0;
                strong += r.outcome() == Outcome.AUTO_DISCIPLINE ? 1 : 0;
                if (r.outcome() == Outcome.AUTO_OTHER) {
                    autoOther++;
                    System.out.printf("MISSED %s → %s %s%n", example.path("id").asText(), r.lead(), r.assessment());
                }
            } else {
                ordinary++;
                if (heldBackByGuard(r)) {
                    heldBack++;
                    System.out.printf(
                            "HELD BACK %s (%s) %s%n",
                            example.path("id").asText(), example.path("kind").asText(), r.assessment());
                }
            }
        }
        int otherOrdinary = 0;
        int otherHeldBack = 0;
        int otherMisconduct = 0;
        for (JsonNode example : jsonLines(EvaluationData.EVALUATION)) {
            Routed r = router.route(example);
            if (!EvaluationData.MISCONDUCT.equals(example.path("category").asText())) {
                otherOrdinary++;
                if (heldBackByGuard(r)) {
                    otherHeldBack++;
                    System.out.printf(
                            "HELD BACK %s (%s) %s%n",
                            example.path("id").asText(),
                            example.path("category").asText(),
                            r.assessment());
                }
            } else { // the misconduct complaints of the category set count too
                misconduct++;
                otherMisconduct++;
                caught += r.outcome() != Outcome.AUTO_OTHER ? 1 : 0;
                strong += r.outcome() == Outcome.AUTO_DISCIPLINE ? 1 : 0;
                if (r.outcome() == Outcome.AUTO_OTHER) {
                    autoOther++;
                    System.out.printf("MISSED %s → %s %s%n", example.path("id").asText(), r.lead(), r.assessment());
                }
            }
        }
        double recall = (double) caught / misconduct;
        double falseAlarms = (double) heldBack / ordinary;
        System.out.printf(
                "misconduct guard on %d held-out misconduct complaints (%d of them in evaluation-complaints.jsonl): %d to"
                        + " JW or manual (%.1f %%; %d straight to JW), %d auto-routed to another unit%n",
                misconduct, otherMisconduct, caught, 100 * recall, strong, autoOther);
        System.out.printf(
                "misconduct guard on %d held-out ordinary complaints (hard negatives): %d sent to JW or manual because"
                        + " of the guard (%.1f %%)%n",
                ordinary, heldBack, 100 * falseAlarms);
        System.out.printf(
                "misconduct guard on %d ordinary complaints of evaluation-complaints.jsonl: %d sent to JW or manual"
                        + " because of the guard (%.1f %%)%n",
                otherOrdinary, otherHeldBack, 100.0 * otherHeldBack / otherOrdinary);
        double allFalseAlarms = (double) (heldBack + otherHeldBack) / (ordinary + otherOrdinary);
        System.out.printf(
                "misconduct guard on all %d held-out ordinary complaints: %d sent to JW or manual because of the guard"
                        + " (%.1f %%)%n",
                ordinary + otherOrdinary, heldBack + otherHeldBack, 100 * allFalseAlarms);
        assertTrue(misconduct >= 40 && ordinary >= misconduct, "evaluation set too small");
        assertEquals(0, autoOther, "misconduct auto-routed to another unit");
        assertTrue(recall >= 0.98, "misconduct reaching JW or manual: " + recall);
        assertTrue(falseAlarms <= 0.05, "ordinary complaints held back by the guard: " + falseAlarms);
        assertTrue((double) otherHeldBack / otherOrdinary <= 0.05, "held back on evaluation-complaints.jsonl");
        assertTrue(allFalseAlarms <= 0.05, "ordinary complaints held back by the guard, all held-out sets");
    }

    @Test
    void theIssuesExampleGoesToTheDisciplineCommissionWithItsEvidence() throws IOException {
        Router router = new Router();
        MisconductGuard.Assessment a = router.guard.assess("住建局审批科的一名科长暗示我们要送点东西才能加快办理，不然就一直压着不批");
        assertEquals(MisconductGuard.Level.STRONG, a.level(), a.toString());
        assertTrue(a.evidence().stream().anyMatch(e -> e.startsWith("线索「暗示送礼或给钱")), a.toString());
        MisconductGuard.Assessment ordinary = router.guard.assess("药品经营许可审批超过承诺时限仍未办结。");
        assertEquals(MisconductGuard.Level.NONE, ordinary.level(), ordinary.toString());
    }

    /**
     * A few characters say too little to send a case straight to the commission, and nothing that names a post or
     * inaction goes automatically to an ordinary unit: it waits for a dispatcher with the guard's evidence (or goes to
     * the commission when the classifier's own category is led by it). A short text without any sign of misconduct is
     * no misconduct.
     */
    @Test
    void shortTextsAboutOfficialsWaitForADispatcherAndNeverReachAnOrdinaryUnit() throws IOException {
        Router router = new Router();
        for (String text : List.of("科长", "局长", "领导不作为", "科长不作为，推来推去", "窗口的人吃拿卡要")) {
            com.fasterxml.jackson.databind.node.ObjectNode example =
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            example.put("text", text).put("district", "D01");
            Routed r = router.route(example);
            System.out.printf("short text %s → %s %s%n", text, r.outcome(), r.assessment());
            assertTrue(r.assessment().level() != MisconductGuard.Level.STRONG, text + " " + r.assessment());
            assertTrue(r.outcome() != Outcome.AUTO_OTHER, text + " auto-routed to " + r.lead());
        }
        assertEquals(
                MisconductGuard.Level.POSSIBLE, router.guard.assess("领导不作为").level(), "a cue: manual with evidence");
        assertTrue(router.guard.assess("领导不作为").evidence().stream().anyMatch(e -> e.startsWith("线索「")));
        assertEquals(MisconductGuard.Level.NONE, router.guard.assess("你好，请回电。").level());
    }

    /**
     * The configured thresholds follow from 5-fold cross-validation on the training cases only: at {@code possible}
     * at least 98 % of the misconduct cases are caught; at {@code strong} at most 1 % of ordinary cases go straight to
     * the discipline commission.
     */
    @Test
    void theThresholdsFollowFromCrossValidationOnTheTrainingCases() throws IOException {
        List<MisconductGuard.Example> examples = EvaluationData.guardTraining();
        int folds = 5;
        int positives = 0;
        int caught = 0;
        int negatives = 0;
        int straight = 0;
        double[] t = EvaluationData.guardThresholds();
        for (int f = 0; f < folds; f++) {
            List<MisconductGuard.Example> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % folds != f) {
                    train.add(examples.get(i));
                }
            }
            MisconductGuard guard = MisconductGuard.train(train, t[0], t[1]);
            for (int i = f; i < examples.size(); i += folds) {
                MisconductGuard.Assessment a = guard.assess(examples.get(i).text());
                if (examples.get(i).misconduct()) {
                    positives++;
                    caught += a.suspected() ? 1 : 0;
                } else {
                    negatives++;
                    straight += a.level() == MisconductGuard.Level.STRONG ? 1 : 0;
                }
            }
        }
        System.out.printf(
                "misconduct guard, 5-fold cross-validation on %d training cases: possible %.2f catches %.1f %% of %d"
                        + " misconduct cases; strong %.2f sends %.1f %% of %d ordinary cases to JW%n",
                examples.size(),
                t[0],
                100.0 * caught / positives,
                positives,
                t[1],
                100.0 * straight / negatives,
                negatives);
        assertTrue(caught >= 0.98 * positives, "cross-validated recall");
        assertTrue(straight <= 0.01 * negatives, "cross-validated straight to JW");
    }

    /** An ordinary complaint the guard kept from the unit routing would otherwise have sent it to. */
    private static boolean heldBackByGuard(Routed r) {
        return r.withoutGuard() == Outcome.AUTO_OTHER && r.outcome() != Outcome.AUTO_OTHER;
    }
}
