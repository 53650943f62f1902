package org.openysb.notification.templates.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

import org.openysb.notification.config.NotificationConfig;
import org.openysb.notification.delivery.model.SmsText;
import org.openysb.notification.templates.model.TemplateCatalog;
import org.openysb.notification.templates.model.TemplateVersion;
import org.openysb.notification.templates.repository.TemplateRepository;
import org.openysb.problem.DomainException;

/**
 * The message templates in force: the latest version an admin saved (table notification_template), else the file
 * under {@code templates/notifications} (version 0; English ones under {@code en/}). An English template that does not
 * exist falls back to the Chinese one. Compiled templates are cached; a save on this instance takes effect at once,
 * a save on another instance within {@code notification.templates.cache-ttl}.
 */
@ApplicationScoped
public class TemplateService {
    /** A template in force: its version (0 = the file), source and compiled form. */
    public record Compiled(String key, String locale, int version, String source, Template template) {}

    private final Engine engine;
    private final TemplateRepository versions;
    private final NotificationConfig config;
    private final Clock clock;
    private final Map<String, Optional<Compiled>> cache = new ConcurrentHashMap<>();
    private volatile long loadedAt = System.nanoTime();

    public TemplateService(Engine engine, TemplateRepository versions, NotificationConfig config, Clock clock) {
        this.engine = engine;
        this.versions = versions;
        this.config = config;
        this.clock = clock;
    }

    /** Renders the template in force for {@code key} in {@code locale} (falling back to Chinese). */
    public String render(String key, String locale, Map<String, Object> data) {
        Compiled c = current(key, locale).orElseThrow(() -> new IllegalStateException("no template " + key));
        return c.template().data(data).render().strip();
    }

    public boolean exists(String key, String locale) {
        return current(key, locale).isPresent();
    }

    /**
     * The template in force, English falling back to Chinese, and an email without a template of its own to the SMS
     * text of the same message; empty when the key has no template at all.
     */
    public Optional<Compiled> current(String key, String locale) {
        Optional<Compiled> c = exact(key, locale);
        if (c.isEmpty() && !TemplateCatalog.ZH.equals(locale)) {
            c = exact(key, TemplateCatalog.ZH);
        }
        if (c.isEmpty() && key.endsWith(".email")) {
            c = current(key.substring(0, key.length() - ".email".length()) + ".sms", locale);
        }
        return c;
    }

    private Optional<Compiled> exact(String key, String locale) {
        if (System.nanoTime() - loadedAt > config.templates().cacheTtl().toNanos()) {
            cache.clear();
            loadedAt = System.nanoTime();
        }
        return cache.computeIfAbsent(key + "|" + locale, k -> load(key, locale));
    }

    private Optional<Compiled> load(String key, String locale) {
        Optional<TemplateVersion> saved = versions.current(key, locale);
        if (saved.isPresent()) {
            TemplateVersion v = saved.get();
            return Optional.of(new Compiled(key, locale, v.version, v.body, engine.parse(v.body)));
        }
        return fileDefault(key, locale).map(source -> new Compiled(key, locale, 0, source, engine.parse(source)));
    }

    /** The file shipped with the service for this key and locale, if there is one. */
    private Optional<String> fileDefault(String key, String locale) {
        String path = "notifications/" + (TemplateCatalog.ZH.equals(locale) ? "" : locale + "/") + key;
        Template t = engine.getTemplate(path);
        if (t == null) {
            return Optional.empty();
        }
        String resource = "templates/" + path + ".txt";
        try (var in = TemplateService.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- admin ----

    /** Every template key and locale with the version in force. */
    @Transactional
    public List<TemplateSummary> listTemplates() {
        List<TemplateSummary> all = new ArrayList<>();
        Map<String, TemplateVersion> saved = new HashMap<>();
        versions.allCurrent().forEach(v -> saved.put(v.templateKey + "|" + v.locale, v));
        for (String key : TemplateCatalog.keys()) {
            for (String locale : TemplateCatalog.LOCALES) {
                TemplateVersion v = saved.get(key + "|" + locale);
                all.add(
                        v != null
                                ? new TemplateSummary(
                                        key,
                                        locale,
                                        TemplateCatalog.part(key),
                                        v.version,
                                        "ADMIN",
                                        v.createdBy,
                                        v.createdAt)
                                : new TemplateSummary(
                                        key, locale, TemplateCatalog.part(key), 0, source(key, locale), null, null));
            }
        }
        return all;
    }

    /** Where the text in force comes from when no admin saved one: FILE, FALLBACK_ZH_CN or FALLBACK_SMS. */
    private String source(String key, String locale) {
        if (fileDefault(key, locale).isPresent()) {
            return "FILE";
        }
        if (!TemplateCatalog.ZH.equals(locale)
                && fileDefault(key, TemplateCatalog.ZH).isPresent()) {
            return "FALLBACK_ZH_CN";
        }
        return "FALLBACK_SMS";
    }

    /** The version in force of one template and every saved version before it (newest first), then the file. */
    @Transactional
    public TemplateDetails templateDetails(String key, String locale) {
        requireKnown(key, locale);
        List<TemplateDetails.Version> history = new ArrayList<>();
        for (TemplateVersion v : versions.history(key, locale)) {
            history.add(new TemplateDetails.Version(v.version, v.body, v.createdBy, v.createdAt, v.note));
        }
        fileDefault(key, locale)
                .ifPresent(body -> history.add(new TemplateDetails.Version(0, body, "system", null, "模板文件 (file)")));
        Compiled c = current(key, locale).orElseThrow();
        return new TemplateDetails(
                key,
                locale,
                TemplateCatalog.part(key),
                history.isEmpty() ? 0 : history.get(0).version(),
                history.isEmpty() ? c.source() : history.get(0).body(),
                TemplateCatalog.sample(key).keySet().stream().sorted().toList(),
                history);
    }

    /** Checks the new text (parses, renders against the sample, fits its channel) and saves it as the next version. */
    @Transactional
    public TemplateDetails saveTemplate(String key, String locale, String body, String note, String who) {
        requireKnown(key, locale);
        check(key, body, TemplateCatalog.sample(key));
        TemplateVersion v = new TemplateVersion();
        v.templateKey = key;
        v.locale = locale;
        v.version = versions.current(key, locale).map(c -> c.version + 1).orElse(1);
        v.body = body.strip();
        v.createdBy = who;
        v.createdAt = OffsetDateTime.now(clock);
        v.note = note;
        versions.persist(v);
        versions.flush();
        cache.remove(key + "|" + locale);
        return templateDetails(key, locale);
    }

    /** Renders {@code body} (or the template in force) with the sample data, overridden by {@code data}; saves nothing. */
    @Transactional
    public Preview previewTemplate(String key, String locale, String body, Map<String, Object> data) {
        requireKnown(key, locale);
        Map<String, Object> values = new HashMap<>(TemplateCatalog.sample(key));
        if (data != null) {
            values.putAll(data);
        }
        String source = body != null ? body : current(key, locale).orElseThrow().source();
        String text = check(key, source, values);
        boolean sms = "sms".equals(TemplateCatalog.part(key));
        return new Preview(
                key,
                locale,
                text,
                SmsText.length(text),
                sms ? SmsText.segments(text) : null,
                sms ? config.sms().maxSegments() : null);
    }

    /** The rendered text, or a 400 saying what is wrong with the template. */
    private String check(String key, String body, Map<String, Object> data) {
        if (body == null || body.isBlank()) {
            throw invalid(body, "模板内容不能为空", "The template is empty");
        }
        Template t;
        try {
            t = engine.parse(body.strip());
        } catch (RuntimeException e) {
            throw invalid(body, "模板语法错误：" + e.getMessage(), "The template does not parse: " + e.getMessage());
        }
        String text;
        try {
            text = t.data(data).render().strip();
        } catch (RuntimeException e) {
            throw invalid(
                    body,
                    "模板无法用示例数据渲染（可用变量：" + String.join(", ", data.keySet()) + "）：" + e.getMessage(),
                    "The template does not render with the sample data (variables: " + String.join(", ", data.keySet())
                            + "): " + e.getMessage());
        }
        for (String variable : TemplateCatalog.required(key)) {
            if (!text.contains(String.valueOf(data.get(variable)))) {
                throw invalid(
                        body, "模板必须包含变量 {" + variable + "}", "The template must show the variable {" + variable + "}");
            }
        }
        switch (TemplateCatalog.part(key)) {
            case "sms" -> {
                String sign = "【" + config.sms().signName() + "】";
                if (!text.startsWith(sign)) {
                    throw invalid(body, "短信必须以签名" + sign + "开头", "An SMS must begin with the signature " + sign);
                }
                int max = config.sms().maxSegments();
                if (SmsText.segments(text) > max) {
                    throw invalid(
                            body,
                            "短信用示例数据渲染后为" + SmsText.length(text) + "字，超过" + max + "条（单条70字，长短信每条67字）",
                            "With the sample data the SMS has " + SmsText.length(text) + " characters, more than " + max
                                    + " segments (70 characters in one, 67 per segment when concatenated)");
                }
            }
            case "subject" -> {
                if (text.contains("\n") || text.length() > 200) {
                    throw invalid(body, "标题必须为一行，不超过200字", "A subject is one line of at most 200 characters");
                }
            }
            default -> {
                if (text.length() > 2000) {
                    throw invalid(body, "正文不能超过2000字", "A message body has at most 2,000 characters");
                }
            }
        }
        return text;
    }

    private static void requireKnown(String key, String locale) {
        if (!TemplateCatalog.exists(key)) {
            throw DomainException.notFound("template", key);
        }
        if (!TemplateCatalog.supportedLocale(locale)) {
            throw DomainException.invalidField("locale", locale, "语言只能是 zh-CN 或 en", "The locale is zh-CN or en");
        }
    }

    private static DomainException invalid(String body, String message, String messageEn) {
        return DomainException.invalidField("body", body, message, messageEn);
    }

    /**
     * A line of the template list. source: ADMIN (a saved version), FILE (the shipped file), FALLBACK_ZH_CN (no English
     * text: the Chinese one is used), FALLBACK_SMS (an email without a text of its own: the SMS text is used).
     */
    public record TemplateSummary(
            String key,
            String locale,
            String channel,
            int version,
            String source,
            String updatedBy,
            OffsetDateTime updatedAt) {}

    /** One template with its history, newest first (version 0 is the shipped file). */
    public record TemplateDetails(
            String key,
            String locale,
            String channel,
            int version,
            String body,
            List<String> variables,
            List<Version> versions) {
        public record Version(int version, String body, String createdBy, OffsetDateTime createdAt, String note) {}
    }

    /** A rendering with sample data; for SMS its length and segments as the provider counts them. */
    public record Preview(
            String key, String locale, String text, int length, Integer smsSegments, Integer maxSegments) {}
}
