package org.openysb.routing.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routing settings an administrator may change. */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {
    /** Below this classifier confidence a case goes to the manual dispatch queue instead of a guess. */
    @WithDefault("0.45")
    double minConfidence();

    /** The category of complaints about officials' own conduct (吃拿卡要、不作为、推诿). */
    @WithDefault("OFFICIAL_MISCONDUCT")
    String misconductCategory();

    /** How many alternatives a proposal lists. */
    @WithDefault("3")
    int alternatives();
}
