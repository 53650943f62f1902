package org.openysb.supervision.service;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.supervision.model.Clue;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.repository.ClueRepository;
import org.openysb.supervision.repository.ClueRepository.MonthCount;

/** 不作为分析: how many clues of each kind were raised against each unit, month by month. */
@ApplicationScoped
public class ClueAnalyticsService {
    private final ClueRepository clues;

    public ClueAnalyticsService(ClueRepository clues) {
        this.clues = clues;
    }

    /**
     * The months from {@code from} to {@code to} (both included), every clue kind, and one row per unit, month and
     * kind that has clues (absent rows are 0).
     */
    public record Analytics(String from, String to, List<String> months, List<String> kinds, List<MonthCount> rows) {}

    @Transactional
    public Analytics count(YearMonth from, YearMonth to, String unit) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<MonthCount> rows = clues.countByUnitMonthKind(
                from.atDay(1).atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime(),
                to.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.CHINA).toOffsetDateTime(),
                unit);
        return new Analytics(from.toString(), to.toString(), months, Clue.KINDS, rows);
    }
}
