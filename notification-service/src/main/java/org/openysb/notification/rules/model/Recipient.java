package org.openysb.notification.rules.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff member who receives messages: by unit (handlers) or by role (supervisors, inspectors). */
@Entity
@Table(name = "recipient")
public class Recipient {
    @Id
    @Column(length = 100)
    public String username;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    /** The unit code (departments.csv) for handlers; null for city-wide roles. */
    @Column(name = "unit_code", length = 20)
    public String unitCode;

    /** The Keycloak realm role: handler, supervisor, inspector, coordinator, dispatcher. */
    @Column(nullable = false, length = 50)
    public String role;

    @Column(length = 200)
    public String email;

    @Column(length = 20)
    public String mobile;

    @Column(nullable = false)
    public boolean active = true;

    /** The language of this person's messages: zh-CN (default) or en. */
    @Column(nullable = false, length = 10)
    public String locale = "zh-CN";
}
