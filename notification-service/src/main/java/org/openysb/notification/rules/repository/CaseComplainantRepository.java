package org.openysb.notification.rules.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.notification.rules.model.CaseComplainant;

@ApplicationScoped
public class CaseComplainantRepository implements PanacheRepositoryBase<CaseComplainant, String> {
    /** {@link #rememberOnce} for many cases in one statement (the first of each case number in the list). */
    public void rememberAll(java.util.Collection<CaseComplainant> all) {
        if (all.isEmpty()) {
            return;
        }
        String[][] columns = new String[5][all.size()];
        int i = 0;
        for (CaseComplainant c : all) {
            columns[0][i] = c.caseNumber;
            columns[1][i] = c.complainant;
            columns[2][i] = c.maskedMobile;
            columns[3][i] = String.valueOf(c.urgent);
            columns[4][i] = String.valueOf(c.contactable);
            i++;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "insert into case_complainant (case_number, complainant, masked_mobile, urgent, contactable)"
                            + " select n, c, m, u::boolean, k::boolean"
                            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                            + " with ordinality as x(n, c, m, u, k, i) order by i"
                            + " on conflict (case_number) do nothing")) {
                for (int col = 0; col < 5; col++) {
                    insert.setArray(col + 1, connection.createArrayOf("text", columns[col]));
                }
                insert.executeUpdate();
            }
        });
    }

    /**
     * The stored complainants of these cases, read in one statement; detached (read-only: nothing is written back), so
     * that a poll's hundreds of them cost no dirty checking at its commit.
     */
    public List<CaseComplainant> findByCaseNumbers(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            List<CaseComplainant> found = new java.util.ArrayList<>(caseNumbers.size());
            try (java.sql.PreparedStatement select = connection.prepareStatement(
                    "select case_number, complainant, masked_mobile, urgent, contactable from case_complainant"
                            + " where case_number = any(?::text[])")) {
                select.setArray(1, connection.createArrayOf("text", caseNumbers.toArray()));
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        CaseComplainant c = new CaseComplainant();
                        c.caseNumber = rows.getString(1);
                        c.complainant = rows.getString(2);
                        c.maskedMobile = rows.getString(3);
                        c.urgent = rows.getBoolean(4);
                        c.contactable = rows.getBoolean(5);
                        found.add(c);
                    }
                }
            }
            return found;
        });
    }

    /** Keeps the first complainant of a case (a repeated event changes nothing). */
    public void rememberOnce(CaseComplainant c) {
        getEntityManager()
                .createNativeQuery(
                        "insert into case_complainant (case_number, complainant, masked_mobile, urgent, contactable)"
                                + " values (?1, ?2, ?3, ?4, ?5) on conflict (case_number) do nothing")
                .setParameter(1, c.caseNumber)
                .setParameter(2, c.complainant)
                .setParameter(3, c.maskedMobile)
                .setParameter(4, c.urgent)
                .setParameter(5, c.contactable)
                .executeUpdate();
    }
}
