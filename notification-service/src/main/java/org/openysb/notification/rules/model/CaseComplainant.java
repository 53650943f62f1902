package org.openysb.notification.rules.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who complained about a case, as far as this service may know: the opaque ref and the masked mobile. */
@Entity
@Table(name = "case_complainant")
public class CaseComplainant {
    @Id
    @Column(name = "case_number", length = 20)
    public String caseNumber;

    /** The opaque reference that complaint-intake resolves at sending time. */
    @Column(nullable = false, length = 100)
    public String complainant;

    @Column(name = "masked_mobile", length = 20)
    public String maskedMobile;

    @Column(nullable = false)
    public boolean urgent;

    /** Whether the complainant left a way to be told; false: anonymous without contact, nobody is told anything. */
    @Column(nullable = false)
    public boolean contactable = true;
}
