package org.openysb.supervision.replytemplate.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.openysb.problem.DomainException;
import org.openysb.supervision.model.WorkingCalendar;
import org.openysb.supervision.replytemplate.model.ReplyTemplate;
import org.openysb.supervision.replytemplate.repository.ReplyTemplateRepository;
import org.openysb.supervision.repository.SqlTime;

/** Reply templates: handlers pick them; supervisors and administrators write them, every edit a new version. */
@ApplicationScoped
public class ReplyTemplateService {
    private final ReplyTemplateRepository templates;
    private final Clock clock = Clock.system(WorkingCalendar.CHINA);

    public ReplyTemplateService(ReplyTemplateRepository templates) {
        this.templates = templates;
    }

    @Transactional
    public List<ReplyTemplateView> usable(String category, Collection<String> units, boolean allUnits) {
        return templates.usable(blankToNull(category), units, allUnits).stream()
                .map(ReplyTemplateService::view)
                .toList();
    }

    @Transactional
    public ReplyTemplateView create(String category, String unit, String title, String body, String actor) {
        ReplyTemplate t = new ReplyTemplate();
        t.category = blankToNull(category);
        t.unit = blankToNull(unit);
        t.title = title;
        t.body = body;
        t.version = 1;
        t.active = true;
        t.updatedBy = actor;
        t.updatedAt = OffsetDateTime.now(clock);
        templates.persist(t);
        templates.flush();
        templates.snapshot(t);
        return view(t);
    }

    /** A new version; {@code expectedVersion} must be the current one (else 409: someone else edited it). */
    @Transactional
    public ReplyTemplateView update(
            long id, String title, String body, boolean active, int expectedVersion, String actor) {
        ReplyTemplate t = templates
                .findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("reply template", String.valueOf(id)));
        if (t.version != expectedVersion) {
            throw DomainException.conflict(
                    "stale-template",
                    "模板已被他人修改，请刷新后再编辑",
                    "The template was changed by someone else; reload it before editing",
                    "current version " + t.version + ", edited version " + expectedVersion);
        }
        t.title = title;
        t.body = body;
        t.active = active;
        t.version++;
        t.updatedBy = actor;
        t.updatedAt = OffsetDateTime.now(clock);
        templates.snapshot(t);
        return view(t);
    }

    @Transactional
    public List<ReplyTemplateView> versions(long id) {
        ReplyTemplate t = templates
                .findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("reply template", String.valueOf(id)));
        return templates.versions(id).stream()
                .map(r -> new ReplyTemplateView(
                        id,
                        t.category,
                        t.unit,
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[0]).intValue(),
                        (Boolean) r[3],
                        (String) r[4],
                        china(SqlTime.of(r[5]))))
                .toList();
    }

    private static ReplyTemplateView view(ReplyTemplate t) {
        return new ReplyTemplateView(
                t.id, t.category, t.unit, t.title, t.body, t.version, t.active, t.updatedBy, china(t.updatedAt));
    }

    private static OffsetDateTime china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(WorkingCalendar.CHINA).toOffsetDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
