package org.openysb.intake.model;

/** How a complaint came in (信、访、网、电). */
public enum Channel {
    WEB,
    HOTLINE,
    LETTER,
    OPEN311,
    REFERRAL
}
