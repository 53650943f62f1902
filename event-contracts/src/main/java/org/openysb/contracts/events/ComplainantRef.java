package org.openysb.contracts.events;

/**
 * Who complained, as far as units may know: never a clear mobile, ID number or (for confidential cases) credit code.
 * {@code ref} is an opaque reference that only complaint-intake resolves, for the services that must contact the
 * complainant.
 *
 * @param kind PERSON, ENTERPRISE or ANONYMOUS
 * @param ref opaque reference to the complainant record in complaint-intake
 * @param displayName the name shown to handlers; null when anonymous or confidential (保密)
 * @param maskedMobile e.g. {@code 138****1234}; null when none was given
 * @param contactable whether the complainant left a way to be told (mobile or email)
 */
public record ComplainantRef(String kind, String ref, String displayName, String maskedMobile, boolean contactable) {}
