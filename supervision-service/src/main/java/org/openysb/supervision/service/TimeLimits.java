package org.openysb.supervision.service;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The time limits of domain.md; every number is a default an administrator may change. */
@ConfigMapping(prefix = "supervision.limits")
public interface TimeLimits {
    /** 签收: working days after assignment. */
    @WithDefault("1")
    int signForWorkingDays();

    /** 签收 for urgent cases, on the clock. */
    @WithDefault("30m")
    Duration urgentSignFor();

    /** 先行联系: working days after assignment. */
    @WithDefault("1")
    int firstContactWorkingDays();

    /** 退单 window: working days after assignment. */
    @WithDefault("1")
    int returnWindowWorkingDays();

    /** 办理 limit in working days per complaint type (application.properties lists the defaults). */
    Map<String, Integer> handlingWorkingDays();

    /** 回访 window: working days after the reply. */
    @WithDefault("3")
    int followUpWorkingDays();

    /** 办理 limit of an urgent case, on the clock. */
    @WithDefault("24h")
    Duration urgentHandling();
}
