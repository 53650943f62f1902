package org.openysb.supervision.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.model.CalendarDay;
import org.openysb.supervision.model.CalendarYear;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {
    public List<CalendarYear> years() {
        return getEntityManager()
                .createQuery("from CalendarYear order by year", CalendarYear.class)
                .getResultList();
    }

    /** Per loaded year: {year, off days, make-up working days} among its listed days. */
    public List<Object[]> dayCounts() {
        return getEntityManager()
                .createQuery(
                        "select d.year, sum(case when d.offDay = true then 1 else 0 end),"
                                + " sum(case when d.offDay = false then 1 else 0 end)"
                                + " from CalendarDay d group by d.year",
                        Object[].class)
                .getResultList();
    }

    public boolean hasYear(int year) {
        return getEntityManager().find(CalendarYear.class, year) != null;
    }

    public void persistYear(CalendarYear year) {
        getEntityManager().persist(year);
    }
}
