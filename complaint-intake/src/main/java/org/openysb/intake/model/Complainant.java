package org.openysb.intake.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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

    /** Encrypted at rest. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "complainant_mobile", length = 200)
    public String mobile;

    /** Keyed hash of the mobile number, to find the same complainant's earlier cases. */
    @Column(name = "complainant_mobile_hash", length = 64)
    public String mobileHash;

    /** Encrypted at rest. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "complainant_email", length = 600)
    public String email;

    /** Encrypted at rest. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "complainant_id_number", length = 200)
    public String idNumber;

    /** Encrypted at rest (always, not only for confidential cases: one rule is easier to hold to). */
    @Convert(converter = EncryptedString.class)
    @Column(name = "complainant_credit_code", length = 200)
    public String creditCode;

    @Column(name = "complainant_contact_person", length = 100)
    public String contactPerson;

    public boolean contactable() {
        return mobile != null || email != null;
    }

    @Override
    public String toString() {
        return "Complainant[" + kind + ", mobile=" + maskedMobile() + "]";
    }

    /** {@code 138****1234}, or null when there is no mobile. */
    public String maskedMobile() {
        return PersonalData.maskMobile(mobile);
    }
}
