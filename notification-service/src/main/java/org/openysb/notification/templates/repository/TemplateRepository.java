package org.openysb.notification.templates.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.openysb.notification.templates.model.TemplateVersion;

@ApplicationScoped
public class TemplateRepository implements PanacheRepository<TemplateVersion> {
    /** Every saved version of the key in this locale, newest first. */
    public List<TemplateVersion> history(String templateKey, String locale) {
        return list("templateKey = ?1 and locale = ?2 order by version desc", templateKey, locale);
    }

    public Optional<TemplateVersion> current(String templateKey, String locale) {
        return find("templateKey = ?1 and locale = ?2 order by version desc", templateKey, locale)
                .firstResultOptional();
    }

    /** The version in force of every key and locale that an admin changed. */
    public List<TemplateVersion> allCurrent() {
        return list("from TemplateVersion v where v.version = (select max(t.version) from TemplateVersion t"
                + " where t.templateKey = v.templateKey and t.locale = v.locale) order by v.templateKey, v.locale");
    }
}
