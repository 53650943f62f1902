package org.openysb.notification.delivery.contact;

/** A complainant's contact points as complaint-intake's internal API returns them. Never stored by this service. */
public record IntakeContact(
        String ref, String kind, String name, String mobile, String email, boolean anonymous, boolean confidential) {}
