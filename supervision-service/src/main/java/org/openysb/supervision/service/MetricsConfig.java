package org.openysb.supervision.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Weights of the composite 三率 score and the size of the red and black lists. */
@ConfigMapping(prefix = "supervision.metrics")
public interface MetricsConfig {
    @WithDefault("30")
    double responseWeight();

    @WithDefault("35")
    double resolutionWeight();

    @WithDefault("35")
    double satisfactionWeight();

    /** 红黑榜: how many units on each list. */
    @WithDefault("3")
    int listSize();

    /** Units with fewer assignments in the period are not ranked. */
    @WithDefault("1")
    int minAssignments();
}
