package org.openysb.notification.rules.service;

import org.openysb.notification.rules.model.Recipient;

/** A staff recipient as the admin API shows it. */
public record RecipientView(
        String username,
        String displayName,
        String unitCode,
        String role,
        String email,
        String mobile,
        boolean active,
        String locale) {
    static RecipientView of(Recipient r) {
        return new RecipientView(r.username, r.displayName, r.unitCode, r.role, r.email, r.mobile, r.active, r.locale);
    }
}
