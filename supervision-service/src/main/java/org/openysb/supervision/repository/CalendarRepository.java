package org.openysb.supervision.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.supervision.model.CalendarDay;
import org.openysb.supervision.model.CalendarVersion;
import org.openysb.supervision.model.CalendarYear;

@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {
    public List<CalendarYear> years() {
        return getEntityManager()
                .createQuery("from CalendarYear order by year", CalendarYear.class)
                .getResultList();
    }

    /** Per stored year: {year, off days, make-up working days} among its listed days. */
    public List<Object[]> dayCounts() {
        return getEntityManager()
                .createQuery(
                        "select d.year, sum(case when d.offDay = true then 1 else 0 end),"
                                + " sum(case when d.offDay = false then 1 else 0 end)"
                                + " from CalendarDay d group by d.year",
                        Object[].class)
                .getResultList();
    }

    /** Every listed day as {day, offDay}, read without managing entities (a bulk delete may follow). */
    public List<Object[]> listedDays() {
        return getEntityManager()
                .createQuery("select d.day, d.offDay from CalendarDay d", Object[].class)
                .getResultList();
    }

    /** The years whose State Council notice is loaded. */
    public List<Integer> noticeYears() {
        return getEntityManager()
                .createQuery("select y.year from CalendarYear y where y.notice = true", Integer.class)
                .getResultList();
    }

    /** Whether the State Council notice of {@code year} is loaded. */
    public boolean hasNotice(int year) {
        CalendarYear y = getEntityManager().find(CalendarYear.class, year);
        return y != null && y.notice;
    }

    public CalendarYear year(int year) {
        return getEntityManager().find(CalendarYear.class, year);
    }

    public void persistYear(CalendarYear year) {
        getEntityManager().persist(year);
    }

    /** Serialises changes of one year's calendar across instances, until the transaction ends. */
    public void lockYear(int year) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(4712, ?1)")
                .setParameter(1, year)
                .getSingleResult();
    }

    /** The highest version of {@code year} ever stored (0 if none), withdrawn notices included. */
    public int lastVersion(int year) {
        Number n = (Number) getEntityManager()
                .createNativeQuery("select coalesce(max(version), 0) from calendar_version where year = ?1")
                .setParameter(1, year)
                .getSingleResult();
        return n.intValue();
    }

    /** Records a version of {@code year} with a snapshot of its listed days as they are now in this transaction. */
    public void appendVersion(
            int year, int version, String kind, OffsetDateTime at, String actor, String source, CalendarDay oneOff) {
        getEntityManager()
                .createNativeQuery(
                        "insert into calendar_version (year, version, kind, created_at, created_by, source, reference,"
                                + " notice_date, day, off_day, name, days) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                + " ?10, ?11, coalesce((select json_agg(json_build_object('date', d.day, 'offDay',"
                                + " d.off_day, 'name', d.name) order by d.day)::text from calendar_day d"
                                + " where d.year = ?1), '[]'))")
                .setParameter(1, year)
                .setParameter(2, version)
                .setParameter(3, kind)
                .setParameter(4, at)
                .setParameter(5, actor)
                .setParameter(6, source)
                .setParameter(7, oneOff == null ? null : oneOff.reference)
                .setParameter(8, oneOff == null ? null : oneOff.noticeDate)
                .setParameter(9, oneOff == null ? null : oneOff.day)
                .setParameter(10, oneOff == null ? null : oneOff.offDay)
                .setParameter(11, oneOff == null ? null : oneOff.name)
                .executeUpdate();
    }

    /** The versions of {@code year}, newest first. */
    public List<CalendarVersion> versions(int year) {
        return getEntityManager()
                .createQuery("from CalendarVersion where year = ?1 order by version desc", CalendarVersion.class)
                .setParameter(1, year)
                .getResultList();
    }

    /** Cases not closed whose handling or follow-up deadline is at or after {@code from}: provisional deadlines. */
    public long openDeadlinesFrom(OffsetDateTime from) {
        Number n = (Number) getEntityManager()
                .createNativeQuery("select count(*) from work_item where status <> 'CLOSED'"
                        + " and (handling_deadline >= ?1 or follow_up_deadline >= ?1)")
                .setParameter(1, from)
                .getSingleResult();
        return n.longValue();
    }
}
