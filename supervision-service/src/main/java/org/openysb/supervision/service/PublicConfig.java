package org.openysb.supervision.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public (unauthenticated) figures of the portal. */
@ConfigMapping(prefix = "supervision.public")
public interface PublicConfig {
    /** How long a computed statistics answer is served before it is computed again (per {@code months}). */
    @WithDefault("PT5M")
    Duration statisticsCacheTtl();

    /** Months of statistics when the request names none. */
    @WithDefault("6")
    int statisticsDefaultMonths();

    /** The most months one request may ask for. */
    @WithDefault("24")
    int statisticsMaxMonths();
}
