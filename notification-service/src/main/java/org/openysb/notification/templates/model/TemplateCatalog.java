package org.openysb.notification.templates.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every message the service sends, the parts it has (sms, email, inbox, subject) and the data its templates are
 * rendered with. The sample data is what an edited template is checked against (it must parse and render with
 * exactly these variables) and what a preview shows; its values are long on purpose, as real ones can be.
 */
public final class TemplateCatalog {
    public static final String ZH = "zh-CN";
    public static final String EN = "en";
    public static final List<String> LOCALES = List.of(ZH, EN);

    /** The parts of each message. A complainant's email without a template of its own is the SMS text. */
    private static final Map<String, Set<String>> PARTS = new LinkedHashMap<>();

    private static final Map<String, Map<String, Object>> SAMPLES = new LinkedHashMap<>();

    /** Variables a message is useless without: an edited template must show their (sample) value. */
    private static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    /** The message that carries an SMS verification code. */
    public static final String VERIFICATION_CODE = "verification-code";

    static {
        String cn = "TS202611220001";
        String unit = "市市场监督管理局（市知识产权局）";
        String when = "2026年11月27日 23:59";
        String portal = "https://ysb.example.gov.cn";
        message(
                "receipt",
                Set.of("sms", "email", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "trackingLink",
                        portal + "/track/" + cn + "?token=1795190400.0123456789abcdef0123456789abcdef"));
        message("routed", Set.of("sms", "email", "subject"), Map.of("caseNumber", cn, "unitName", unit));
        message(
                "replied",
                Set.of("sms", "email", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "unitName",
                        unit,
                        "result",
                        "部分解决",
                        "text",
                        "经核查，窗口已按清单受理，不再要求补充材料。",
                        "followUpLink",
                        portal + "/rate/" + cn + "?token=0123456789abcdef0123456789abcdef",
                        "followUpDeadline",
                        when));
        message(
                "reopened",
                Set.of("sms", "email", "inbox", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "unitName",
                        unit,
                        "reason",
                        "诉求人不满意：未解决实际问题",
                        "reopenCount",
                        2,
                        "newDeadline",
                        when,
                        "forUnit",
                        false));
        message("closed", Set.of("sms", "email", "subject"), Map.of("caseNumber", cn));
        message(
                "extended",
                Set.of("sms", "email", "subject"),
                Map.of("caseNumber", cn, "approved", true, "workingDays", 15, "deadline", when, "reason", ""));
        Map<String, Object> workItem = Map.of(
                "caseNumber", cn,
                "typeName", "意见建议",
                "urgent", true,
                "unitName", unit,
                "signForDeadline", when,
                "handlingDeadline", when);
        message("new-case", Set.of("inbox", "subject"), workItem);
        message("co-handling", Set.of("inbox", "subject"), workItem);
        message(
                "reminder",
                Set.of("inbox", "subject"),
                Map.of("caseNumber", cn, "clockName", "先行联系", "percent", 90, "deadline", when));
        Map<String, Object> overdue = Map.of(
                "caseNumber",
                cn,
                "unitName",
                unit,
                "clockName",
                "先行联系",
                "deadline",
                when,
                "overdueWorkingDays",
                5,
                "noticeNumber",
                "催字〔2026〕第000123号");
        message("reminder-notice", Set.of("inbox", "subject"), overdue);
        message("overdue", Set.of("inbox", "subject"), overdue);
        message(
                "return-ruled",
                Set.of("inbox", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "upheld",
                        true,
                        "improper",
                        true,
                        "newLeadName",
                        unit,
                        "reason",
                        "依据权责清单第12行，该事项属于市场监管部门职责"));
        message("designated", Set.of("inbox", "subject"), Map.of("caseNumber", cn, "reason", "三次派单均被退回，由营商办指定承办"));
        message(
                "extension-requested",
                Set.of("inbox", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "unitName",
                        unit,
                        "workingDays",
                        15,
                        "reason",
                        "需现场核查并协调三个部门",
                        "legalBasis",
                        "《优化营商环境条例》第六十一条",
                        "currentDeadline",
                        when));
        message(
                "extension-decided",
                Set.of("inbox", "subject"),
                Map.of("caseNumber", cn, "approved", false, "workingDays", 15, "deadline", when, "reason", "理由不充分"));
        String awaited = "等待投诉人补充提供营业执照原件及相关申请材料";
        message(
                "suspension-requested",
                Set.of("inbox", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "unitName",
                        unit,
                        "workingDays",
                        60,
                        "reason",
                        awaited,
                        "basis",
                        "《优化营商环境条例》第六十一条"));
        message(
                "suspended",
                Set.of("sms", "email", "subject"),
                Map.of("caseNumber", cn, "workingDays", 60, "reason", awaited, "resumeBy", when));
        message(
                "suspension-decided",
                Set.of("inbox", "subject"),
                Map.of("caseNumber", cn, "approved", false, "workingDays", 60, "resumeBy", when, "reason", "理由不充分"));
        message(
                "resumed",
                Set.of("sms", "email", "inbox", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "pausedWorkingDays",
                        60,
                        "previousDeadline",
                        when,
                        "newDeadline",
                        when,
                        "bySystem",
                        true,
                        "forUnit",
                        false));
        message(
                "supervision-order",
                Set.of("inbox", "subject"),
                Map.of(
                        "caseNumber",
                        cn,
                        "unitName",
                        unit,
                        "clockName",
                        "办理",
                        "deadline",
                        when,
                        "overdueWorkingDays",
                        5,
                        "orderNumber",
                        "督字〔2026〕第000045号"));
        message(
                "clue",
                Set.of("inbox", "subject"),
                Map.of(
                        "caseNumber", cn,
                        "clueId", "CL-2026-000042",
                        "unitName", unit,
                        "kind", "IMPROPER_RETURN",
                        "description", "该单位对该件的退单被仲裁驳回，记为不当退单"));
        // 手机号验证码: sent at once on request (POST /api/verifications), never about a case
        message(VERIFICATION_CODE, Set.of("sms"), Map.of("code", "123456", "minutes", 5));
        REQUIRED.put(VERIFICATION_CODE, List.of("code"));
    }

    private TemplateCatalog() {}

    private static void message(String name, Set<String> parts, Map<String, Object> sample) {
        PARTS.put(name, parts);
        SAMPLES.put(name, sample);
    }

    /** Every template key ({@code <message>.<part>}), in catalogue order. */
    public static List<String> keys() {
        return PARTS.entrySet().stream()
                .flatMap(e -> List.of("sms", "email", "inbox", "subject").stream()
                        .filter(e.getValue()::contains)
                        .map(part -> e.getKey() + "." + part))
                .toList();
    }

    public static boolean exists(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && PARTS.getOrDefault(key.substring(0, dot), Set.of()).contains(key.substring(dot + 1));
    }

    public static boolean supportedLocale(String locale) {
        return LOCALES.contains(locale);
    }

    /** The message of a template key: {@code receipt} for {@code receipt.sms}. */
    public static String message(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** sms, email, inbox or subject. */
    public static String part(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The variables the text of {@code key} must show (e.g. the code of a verification SMS). */
    public static List<String> required(String key) {
        return REQUIRED.getOrDefault(key.substring(0, key.lastIndexOf('.')), List.of());
    }

    /** The sample data of the message of {@code key}. */
    public static Map<String, Object> sample(String key) {
        return SAMPLES.get(key.substring(0, key.lastIndexOf('.')));
    }
}
