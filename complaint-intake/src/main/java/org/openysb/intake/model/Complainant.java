package org.openysb.intake.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The person or enterprise who complained. Never leaves complaint-intake in clear. */
@Embeddable
public class Complainant {
    @Enumerated(EnumType.STRING)
    @Column(name = "complainant_kind", nullable = false, length = 20)
    public ComplainantKind kind = ComplainantKind.ANONYMOUS;

    @Column(name = "complainant_name", length = 200)
    public String name;

    @Column(name = "complainant_mobile", length = 20)
    public String mobile;

    @Column(name = "complainant_email", length = 200)
    public String email;

    @Column(name = "complainant_id_number", length = 18)
    public String idNumber;

    @Column(name = "complainant_credit_code", length = 18)
    public String creditCode;

    @Column(name = "complainant_contact_person", length = 100)
    public String contactPerson;

    public boolean contactable() {
        return mobile != null || email != null;
    }

    /** {@code 138****1234}, or null when there is no mobile. */
    public String maskedMobile() {
        return PersonalData.maskMobile(mobile);
    }
}
