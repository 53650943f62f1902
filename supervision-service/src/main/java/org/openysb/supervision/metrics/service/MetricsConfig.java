package org.openysb.supervision.metrics.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Weights of the composite 三率 score, the size of the red and black lists and who is ranked at all. */
@ConfigMapping(prefix = "supervision.metrics")
public interface MetricsConfig {
    @WithDefault("30")
    double responseWeight();

    @WithDefault("35")
    double resolutionWeight();

    @WithDefault("35")
    double satisfactionWeight();

    /** 红黑榜: how many units on each list (at most). */
    @WithDefault("3")
    int listSize();

    /** A unit is ranked only with at least this many decided response outcomes (响应率's denominator). */
    @WithDefault("30")
    int minDecided();

    /** ... and at least this many rated follow-ups (the denominator of 满意率 and 解决率). */
    @WithDefault("1")
    int minRated();
}
