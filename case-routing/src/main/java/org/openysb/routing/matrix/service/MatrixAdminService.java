package org.openysb.routing.matrix.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;
import org.openysb.routing.config.RoutingConfig;
import org.openysb.routing.matrix.model.MatrixRow;
import org.openysb.routing.matrix.model.MatrixVersion;
import org.openysb.routing.matrix.model.Unit;
import org.openysb.routing.matrix.repository.MatrixRepository;
import org.openysb.routing.matrix.repository.UnitRepository;

/**
 * Administration of the responsibility matrix (权责清单): every import or edit is validated as a whole and, when it
 * changes anything, becomes a new immutable version recording who, when, why and what changed. Routing always uses
 * the newest version; decisions cite the version and row they used, and old versions stay readable.
 */
@ApplicationScoped
public class MatrixAdminService {
    private static final Logger LOG = Logger.getLogger(MatrixAdminService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern CATEGORY = Pattern.compile("^[A-Z][A-Z0-9_]{1,49}$");

    private final MatrixRepository matrix;
    private final UnitRepository units;
    private final RoutingConfig config;

    public MatrixAdminService(MatrixRepository matrix, UnitRepository units, RoutingConfig config) {
        this.matrix = matrix;
        this.units = units;
        this.config = config;
    }

    /** A row as imported or edited, before it is stored; {@code line} is its CSV line (0 for an edit). */
    record Candidate(
            int line,
            String category,
            String nameZh,
            String nameEn,
            String lead,
            List<String> coHandlers,
            String scope,
            String basis) {

        static Candidate of(MatrixRow r) {
            return new Candidate(0, r.category, r.nameZh, r.nameEn, r.lead, r.coHandlerCodes(), r.scope, r.basis);
        }

        String key() {
            return category + "×" + scope;
        }

        Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("nameZh", nameZh);
            f.put("nameEn", nameEn);
            f.put("lead", lead);
            f.put("coHandlers", String.join(";", coHandlers));
            f.put("basis", basis);
            return f;
        }
    }

    // ---------------------------------------------------------------- reading

    @Transactional
    public List<MatrixViews.Unit> listUnits() {
        return units.listAll().stream()
                .sorted(Comparator.comparing((Unit u) -> u.code))
                .map(u -> new MatrixViews.Unit(u.code, u.nameZh, u.nameEn, u.kind))
                .toList();
    }

    @Transactional
    public MatrixViews.Matrix currentMatrix() {
        MatrixVersion current = current();
        return matrixView(current, true);
    }

    @Transactional
    public List<MatrixViews.Version> listVersions() {
        return matrix.versions().stream().map(this::versionView).toList();
    }

    @Transactional
    public MatrixViews.Matrix versionOf(int version) {
        MatrixVersion v = matrix.version(version)
                .orElseThrow(() -> DomainException.notFound("matrix version", String.valueOf(version)));
        return matrixView(v, v.version.equals(current().version));
    }

    // ---------------------------------------------------------------- changing

    /** Replaces the whole matrix by a CSV (same columns as responsibility-matrix.csv): all rows or none. */
    @Transactional
    public MatrixViews.Imported importCsv(String csv, String note, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Candidate> rows = new ArrayList<>();
        List<MatrixCsv.Line> lines = MatrixCsv.parse(csv == null ? "" : csv);
        if (lines.isEmpty() || !lines.get(0).cells().equals(MatrixCsv.HEADER)) {
            errors.add(new Problem.FieldError(
                    "line[1]",
                    "首行须为列名：" + String.join(",", MatrixCsv.HEADER),
                    "The first line must be the header " + String.join(",", MatrixCsv.HEADER),
                    lines.isEmpty() ? null : String.join(",", lines.get(0).cells())));
            throw new MatrixRejected(errors);
        }
        for (MatrixCsv.Line line : lines.subList(1, lines.size())) {
            List<String> c = line.cells();
            if (c.size() != MatrixCsv.HEADER.size()) {
                errors.add(new Problem.FieldError(
                        "line[" + line.number() + "]",
                        "应有 " + MatrixCsv.HEADER.size() + " 列，实有 " + c.size() + " 列",
                        "Expected " + MatrixCsv.HEADER.size() + " columns, found " + c.size(),
                        null));
                continue;
            }
            rows.add(new Candidate(
                    line.number(), c.get(0), c.get(1), c.get(2), c.get(3), splitCodes(c.get(4)), c.get(5), c.get(6)));
        }
        errors.addAll(validate(rows));
        if (!errors.isEmpty()) {
            throw new MatrixRejected(errors);
        }
        return store(rows, blankToDefault(note, "导入权责清单"), actor);
    }

    /** Changes (or adds) the row of one category × scope; the result is a new version. */
    @Transactional
    public MatrixViews.Imported editRow(String category, String scope, MatrixViews.RowEdit edit, String actor) {
        matrix.lockForChange();
        List<Candidate> rows = new ArrayList<>(
                matrix.rowsOf(current().version).stream().map(Candidate::of).toList());
        Candidate existing = rows.stream()
                .filter(r -> r.category().equals(category) && r.scope().equals(scope))
                .findFirst()
                .orElse(null);
        Candidate sameCategory = rows.stream()
                .filter(r -> r.category().equals(category))
                .findFirst()
                .orElse(null);
        Candidate edited = new Candidate(
                0,
                category,
                firstNonBlank(edit.nameZh(), existing, sameCategory, Candidate::nameZh),
                firstNonBlank(edit.nameEn(), existing, sameCategory, Candidate::nameEn),
                firstNonBlank(edit.lead(), existing, null, Candidate::lead),
                edit.coHandlers() != null ? edit.coHandlers() : existing == null ? List.of() : existing.coHandlers(),
                scope,
                firstNonBlank(edit.basis(), existing, null, Candidate::basis));
        if (existing != null) {
            rows.set(rows.indexOf(existing), edited);
        } else {
            rows.add(edited);
        }
        List<Problem.FieldError> errors = validate(rows);
        if (!errors.isEmpty()) {
            throw new MatrixRejected(errors);
        }
        String what = (existing == null ? "新增" : "修改") + "条目 " + category + "×" + scope;
        return store(rows, blankToDefault(edit.note(), what), actor);
    }

    /** Removes the row of one category × scope; the result is a new version. */
    @Transactional
    public MatrixViews.Imported removeRow(String category, String scope, String note, String actor) {
        matrix.lockForChange();
        List<Candidate> rows = new ArrayList<>(
                matrix.rowsOf(current().version).stream().map(Candidate::of).toList());
        if (!rows.removeIf(r -> r.category().equals(category) && r.scope().equals(scope))) {
            throw DomainException.notFound("matrix row", category + "×" + scope);
        }
        List<Problem.FieldError> errors = validate(rows);
        if (!errors.isEmpty()) {
            throw new MatrixRejected(errors);
        }
        return store(rows, blankToDefault(note, "删除条目 " + category + "×" + scope), actor);
    }

    // ---------------------------------------------------------------- validation

    /** Every error of a complete matrix: per row and field, and rules over all rows. */
    List<Problem.FieldError> validate(List<Candidate> rows) {
        Map<String, Unit> known = new HashMap<>();
        units.listAll().forEach(u -> known.put(u.code, u));
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Candidate r : rows) {
            String p = r.line() > 0 ? "line[" + r.line() + "]." : "";
            if (r.category().isBlank() || !CATEGORY.matcher(r.category()).matches()) {
                errors.add(
                        error(p + "category", r.category(), "类别代码须为大写字母、数字和下划线", "Category codes are A-Z, 0-9 and _"));
            }
            if (r.nameZh() == null || r.nameZh().isBlank() || r.nameZh().length() > 100) {
                errors.add(error(
                        p + "name_zh",
                        r.nameZh(),
                        "中文名称不能为空且不超过 100 字",
                        "Chinese name required, at most 100 characters"));
            }
            if (r.nameEn() == null || r.nameEn().isBlank() || r.nameEn().length() > 200) {
                errors.add(error(
                        p + "name_en",
                        r.nameEn(),
                        "英文名称不能为空且不超过 200 字符",
                        "English name required, at most 200 characters"));
            }
            if (r.lead() == null || r.lead().isBlank()) {
                errors.add(error(p + "lead", r.lead(), "缺少主办单位", "Lead unit missing"));
            } else if (!known.containsKey(r.lead())) {
                errors.add(error(p + "lead", r.lead(), "主办单位代码不存在", "Unknown unit"));
            }
            Set<String> co = new HashSet<>();
            for (String code : r.coHandlers()) {
                if (!known.containsKey(code)) {
                    errors.add(error(p + "co_handlers", code, "协办单位代码不存在", "Unknown unit"));
                } else if (code.equals(r.lead())) {
                    errors.add(error(p + "co_handlers", code, "主办单位不能同时为协办单位", "The lead cannot also co-handle"));
                } else if (!co.add(code)) {
                    errors.add(error(p + "co_handlers", code, "协办单位重复", "Co-handling unit listed twice"));
                }
            }
            if (String.join(";", r.coHandlers()).length() > 500) {
                errors.add(error(p + "co_handlers", null, "协办单位过多（不超过 500 字符）", "Too many co-handling units"));
            }
            boolean cityScope = MatrixRow.CITY.equals(r.scope());
            Unit district = known.get(r.scope());
            if (!cityScope && (district == null || !"district".equals(district.kind))) {
                errors.add(
                        error(p + "scope", r.scope(), "范围须为 city 或已知的区县代码", "Scope must be city or a known district"));
            }
            if (r.basis() == null || r.basis().isBlank()) {
                errors.add(error(p + "basis", r.basis(), "缺少依据（文件及条款）", "Basis (document and article) missing"));
            } else if (r.basis().length() > 1000) {
                errors.add(error(p + "basis", null, "依据不超过 1000 字", "Basis at most 1000 characters"));
            }
            Integer first = seen.putIfAbsent(r.key(), r.line());
            if (first != null) {
                errors.add(error(
                        p + "scope",
                        r.key(),
                        "类别与范围重复" + (first > 0 ? "（与第 " + first + " 行）" : ""),
                        "Duplicate category × scope" + (first > 0 ? " (same as line " + first + ")" : "")));
            }
        }
        if (rows.isEmpty()) {
            errors.add(error("rows", null, "权责清单不能为空", "The matrix has no rows"));
            return errors;
        }
        Map<String, Candidate> firstOfCategory = new LinkedHashMap<>();
        rows.forEach(r -> firstOfCategory.putIfAbsent(r.category(), r));
        for (Candidate r : firstOfCategory.values()) {
            boolean hasCity =
                    rows.stream().anyMatch(x -> x.category().equals(r.category()) && MatrixRow.CITY.equals(x.scope()));
            if (!hasCity) {
                String p = r.line() > 0 ? "line[" + r.line() + "]." : "";
                errors.add(error(
                        p + "scope",
                        r.category(),
                        "类别缺少全市（city）条目，其他区县的诉求将无人主办",
                        "The category has no city-wide row: complaints from other districts would have no lead"));
            }
        }
        String misconduct = config.misconductCategory();
        boolean disciplineLeads = rows.stream()
                .anyMatch(r -> r.category().equals(misconduct)
                        && MatrixRow.CITY.equals(r.scope())
                        && known.containsKey(r.lead())
                        && "discipline".equals(known.get(r.lead()).kind));
        if (!disciplineLeads) {
            errors.add(error(
                    "rows",
                    misconduct,
                    "须保留由纪检监察机关主办的 " + misconduct + " 全市条目（回避原则）",
                    "A city-wide " + misconduct
                            + " row led by the discipline commission is required (conflict of interest)"));
        }
        return errors;
    }

    // ---------------------------------------------------------------- storing

    private MatrixViews.Imported store(List<Candidate> rows, String note, String actor) {
        matrix.lockForChange();
        MatrixVersion current = current();
        List<MatrixViews.Change> changes =
                diff(matrix.rowsOf(current.version).stream().map(Candidate::of).toList(), rows);
        if (changes.isEmpty()) {
            return new MatrixViews.Imported(false, versionView(current));
        }
        MatrixVersion next = new MatrixVersion();
        next.version = current.version + 1;
        next.createdAt = OffsetDateTime.now();
        next.createdBy = actor;
        next.note = note.length() > 1000 ? note.substring(0, 1000) : note;
        try {
            next.changes = JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        matrix.persistVersion(next);
        for (Candidate c : rows) {
            MatrixRow row = new MatrixRow();
            row.version = next.version;
            row.category = c.category();
            row.nameZh = c.nameZh();
            row.nameEn = c.nameEn();
            row.lead = c.lead();
            row.coHandlers = String.join(";", c.coHandlers());
            row.scope = c.scope();
            row.basis = c.basis();
            matrix.persist(row);
        }
        LOG.infof(
                "responsibility matrix version %d by %s: %d rows, %d changes (%s)",
                next.version, actor, rows.size(), changes.size(), note);
        return new MatrixViews.Imported(
                true,
                new MatrixViews.Version(
                        next.version,
                        next.createdAt.atZoneSameInstant(ZONE).toOffsetDateTime(),
                        next.createdBy,
                        next.note,
                        rows.size(),
                        changes));
    }

    static List<MatrixViews.Change> diff(List<Candidate> before, List<Candidate> after) {
        Map<String, Candidate> old = new LinkedHashMap<>();
        before.forEach(r -> old.put(r.key(), r));
        Map<String, Candidate> now = new LinkedHashMap<>();
        after.forEach(r -> now.put(r.key(), r));
        List<MatrixViews.Change> changes = new ArrayList<>();
        for (Candidate r : after) {
            Candidate o = old.get(r.key());
            if (o == null) {
                changes.add(new MatrixViews.Change("ADDED", r.category(), r.scope(), fieldChanges(null, r)));
            } else {
                List<MatrixViews.FieldChange> fields = fieldChanges(o, r);
                if (!fields.isEmpty()) {
                    changes.add(new MatrixViews.Change("CHANGED", r.category(), r.scope(), fields));
                }
            }
        }
        for (Candidate o : before) {
            if (!now.containsKey(o.key())) {
                changes.add(new MatrixViews.Change("REMOVED", o.category(), o.scope(), fieldChanges(o, null)));
            }
        }
        return changes;
    }

    private static List<MatrixViews.FieldChange> fieldChanges(Candidate before, Candidate after) {
        Map<String, String> b = before == null ? Map.of() : before.fields();
        Map<String, String> a = after == null ? Map.of() : after.fields();
        List<MatrixViews.FieldChange> fields = new ArrayList<>();
        for (String field : (after != null ? a : b).keySet()) {
            if (!Objects.equals(b.get(field), a.get(field))) {
                fields.add(new MatrixViews.FieldChange(field, b.get(field), a.get(field)));
            }
        }
        return fields;
    }

    // ---------------------------------------------------------------- views and helpers

    private MatrixVersion current() {
        return matrix.currentVersion()
                .orElseThrow(() ->
                        new DomainException(503, "no-matrix", "权责清单尚未加载", "No responsibility matrix loaded", null));
    }

    private MatrixViews.Matrix matrixView(MatrixVersion v, boolean current) {
        Map<String, String> names = new HashMap<>();
        units.listAll().forEach(u -> names.put(u.code, u.nameZh));
        return new MatrixViews.Matrix(
                v.version,
                v.createdAt.atZoneSameInstant(ZONE).toOffsetDateTime(),
                v.createdBy,
                v.note,
                current,
                matrix.rowsOf(v.version).stream()
                        .map(r -> new MatrixViews.Row(
                                r.id,
                                r.category,
                                r.nameZh,
                                r.nameEn,
                                r.lead,
                                names.getOrDefault(r.lead, r.lead),
                                r.coHandlerCodes(),
                                r.scope,
                                r.basis))
                        .toList());
    }

    private MatrixViews.Version versionView(MatrixVersion v) {
        List<MatrixViews.Change> changes = List.of();
        if (v.changes != null && !v.changes.isBlank()) {
            try {
                changes = JSON.readValue(v.changes, new TypeReference<List<MatrixViews.Change>>() {});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable changes of matrix version " + v.version, e);
            }
        }
        return new MatrixViews.Version(
                v.version,
                v.createdAt.atZoneSameInstant(ZONE).toOffsetDateTime(),
                v.createdBy,
                v.note,
                matrix.rowsOf(v.version).size(),
                changes);
    }

    private static Problem.FieldError error(String field, Object value, String zh, String en) {
        Object shown = value instanceof String s && s.length() > 100 ? s.substring(0, 100) + "…" : value;
        return new Problem.FieldError(field, zh, en, shown);
    }

    private static List<String> splitCodes(String cell) {
        return cell == null || cell.isBlank()
                ? List.of()
                : java.util.Arrays.stream(cell.split(";"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String firstNonBlank(
            String given,
            Candidate existing,
            Candidate fallback,
            java.util.function.Function<Candidate, String> field) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        if (existing != null) {
            return field.apply(existing);
        }
        return fallback == null ? null : field.apply(fallback);
    }

    private static String blankToDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.trim();
    }
}
