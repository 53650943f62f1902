package org.openysb.routing.classification.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.openysb.routing.classification.model.CategoryClassifier;
import org.openysb.routing.classification.model.MisconductGuard;
import org.openysb.routing.config.RoutingConfig;

/**
 * Holds the misconduct guard, trained once from the reviewed labelled cases shipped with the service: the labelled
 * misconduct set (misconduct-training.jsonl) and the category-labelled cases (OFFICIAL_MISCONDUCT against every other
 * category). Dispatcher decisions do not retrain it, so that overriding dispatchers cannot wear its recall down.
 */
@ApplicationScoped
public class MisconductGuardService {
    private static final Logger LOG = Logger.getLogger(MisconductGuardService.class);
    static final String MISCONDUCT_RESOURCE = "reference/misconduct-training.jsonl";

    private final RoutingConfig config;
    private volatile MisconductGuard guard;

    public MisconductGuardService(RoutingConfig config) {
        this.config = config;
    }

    public MisconductGuard guard() {
        MisconductGuard current = guard;
        if (current == null) {
            synchronized (this) {
                current = guard;
                if (current == null) {
                    current = train();
                    guard = current;
                }
            }
        }
        return current;
    }

    public MisconductGuard.Assessment assess(String text) {
        return guard().assess(text);
    }

    private MisconductGuard train() {
        List<MisconductGuard.Example> examples = new ArrayList<>();
        for (CategoryClassifier.Example e : ClassifierService.readExamples(MISCONDUCT_RESOURCE)) {
            examples.add(new MisconductGuard.Example(e.text(), "OFFICIAL_MISCONDUCT".equals(e.category())));
        }
        for (String resource : ClassifierService.TRAINING_RESOURCES) {
            for (CategoryClassifier.Example e : ClassifierService.readExamples(resource)) {
                examples.add(new MisconductGuard.Example(
                        e.text(), config.misconductCategory().equals(e.category())));
            }
        }
        MisconductGuard trained =
                MisconductGuard.train(examples, config.misconductPossible(), config.misconductStrong());
        LOG.infof(
                "misconduct guard trained on %d cases (%d misconduct), thresholds possible %.2f strong %.2f",
                examples.size(),
                examples.stream().filter(MisconductGuard.Example::misconduct).count(),
                config.misconductPossible(),
                config.misconductStrong());
        return trained;
    }
}
