package org.openysb.supervision.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The time limits of domain.md; every number is a default an administrator may change. */
@ConfigMapping(prefix = "supervision.limits")
public interface TimeLimits {
    /** 分办: a complaint counts as dispatched in time within this many working days of receipt. */
    @WithDefault("1")
    int dispatchWorkingDays();

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

    /** 延期: at most this many working days, requested at least {@link #extensionNotice()} working days ahead. */
    @WithDefault("15")
    int maxExtensionWorkingDays();

    @WithDefault("1")
    int extensionNotice();

    /** 重办: working days a reopened case gets, and how often a case may be reopened. */
    @WithDefault("5")
    int reopenWorkingDays();

    @WithDefault("2")
    int maxReopens();

    /** 催办: reminders at these percentages of a limit. */
    @WithDefault("50,75,90")
    List<Integer> reminderPercents();

    /** 督办: a supervision order when still overdue this many working days after the deadline. */
    @WithDefault("5")
    int supervisionOrderAfterWorkingDays();

    /** 办理 limit of an urgent case, on the clock. */
    @WithDefault("24h")
    Duration urgentHandling();

    /** 推诿: a clue when a case reaches this many dispatches (two returns) without being accepted. */
    @WithDefault("3")
    int bouncingClueAfterDispatches();

    /** 协办: the lead unit replies only after every co-unit has submitted its part. */
    @WithDefault("true")
    boolean replyNeedsCoUnitParts();
}
