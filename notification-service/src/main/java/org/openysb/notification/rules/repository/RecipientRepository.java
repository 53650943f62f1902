package org.openysb.notification.rules.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.notification.rules.model.Recipient;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, String> {
    public List<Recipient> activeByUnitAndRole(String unitCode, String role) {
        return list("unitCode = ?1 and role = ?2 and active = true order by username", unitCode, role);
    }

    public List<Recipient> activeByRole(String role) {
        return list("role = ?1 and active = true order by username", role);
    }

    public List<Recipient> all() {
        return list("order by role, unitCode, username");
    }
}
