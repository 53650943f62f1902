package org.openysb.notification.rules.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.notification.rules.model.Recipient;
import org.openysb.notification.rules.repository.RecipientRepository;

/** The people who receive messages, by unit and role, and their contact points (admin). */
@ApplicationScoped
public class RecipientService {
    private final RecipientRepository recipients;

    public RecipientService(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @Transactional
    public List<RecipientView> listRecipients(String unitCode, String role) {
        return recipients.all().stream()
                .filter(r -> unitCode == null || unitCode.equals(r.unitCode))
                .filter(r -> role == null || role.equals(r.role))
                .map(RecipientView::of)
                .toList();
    }

    /** Creates or replaces the recipient {@code username}; returns true when it was created. */
    @Transactional
    public boolean putRecipient(RecipientView data) {
        Recipient r = recipients.findById(data.username());
        boolean created = r == null;
        if (created) {
            r = new Recipient();
            r.username = data.username();
        }
        r.displayName = data.displayName();
        r.unitCode = data.unitCode();
        r.role = data.role();
        r.email = data.email();
        r.mobile = data.mobile();
        r.active = data.active();
        r.locale = data.locale() == null ? "zh-CN" : data.locale();
        if (created) {
            recipients.persist(r);
        }
        return created;
    }
}
