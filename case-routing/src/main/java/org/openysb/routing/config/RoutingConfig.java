package org.openysb.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routing settings an administrator may change. */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {
    /**
     * Below this classifier confidence a case goes to the manual dispatch queue instead of a guess. The confidence is
     * calibrated; the threshold follows from cross-validation on the training cases (see application.properties).
     */
    @WithDefault("0.75")
    double minConfidence();

    /** The category of complaints about officials' own conduct (吃拿卡要、不作为、推诿). */
    @WithDefault("OFFICIAL_MISCONDUCT")
    String misconductCategory();

    /**
     * The misconduct guard's probability from which a case goes to manual dispatch as possible misconduct (疑似涉及工作人员作风问题)
     * instead of to an ordinary unit. Chosen by 5-fold cross-validation on the guard's training cases: the highest
     * threshold that keeps at least 98 % of the misconduct cases.
     */
    @WithDefault("0.30")
    double misconductPossible();

    /**
     * From this probability the guard sends the case straight to the discipline commission (the misconduct category).
     * Chosen by the same cross-validation: the lowest threshold at which at most 1 % of ordinary complaints go there.
     */
    @WithDefault("0.60")
    double misconductStrong();

    /** How many alternatives a proposal lists. */
    @WithDefault("3")
    int alternatives();

    /**
     * After this many dispatches without acceptance (签收) the coordinator must designate the unit (指定承办): no more
     * rerouting or rulings.
     */
    @WithDefault("3")
    int maxDispatches();

    /**
     * A unit may return a case up to this long after it received it. supervision-service enforces the working-day
     * window (1 working day, complex cases 2); this calendar bound catches returns that arrive far too late.
     */
    @WithDefault("P4D")
    java.time.Duration returnWindow();

    /**
     * A returned case is rerouted to the next-best category's lead only when the classifier gives that category at
     * least this confidence; otherwise the return goes to arbitration.
     */
    @WithDefault("0.20")
    double rerouteMinConfidence();

    /** At most this many cases are listed in the manual dispatch and arbitration queues. */
    @WithDefault("200")
    int queueLimit();
}
