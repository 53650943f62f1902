package org.openysb.intake.service;

/** How to reach a complainant, in clear: only for services that must contact them (notification-service). */
public record ContactDetails(
        String ref, String kind, String name, String mobile, String email, boolean anonymous, boolean confidential) {}
