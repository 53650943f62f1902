package org.openysb.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The state change the tests' events report: a note about a case. */
@Entity
@Table(name = "case_note")
public class CaseNote {
    @Id
    @Column(name = "case_number")
    public String caseNumber;

    public String text;

    public static CaseNote of(String caseNumber, String text) {
        CaseNote note = new CaseNote();
        note.caseNumber = caseNumber;
        note.text = text;
        return note;
    }
}
