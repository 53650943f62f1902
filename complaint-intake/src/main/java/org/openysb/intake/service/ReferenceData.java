package org.openysb.intake.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.intake.model.Units;
import org.openysb.problem.DomainException;

/** Districts and units known to intake (departments.csv), for checking what complainants send. */
@ApplicationScoped
public class ReferenceData {
    private final Units units = Units.load("reference/departments.csv");
    private final java.util.List<Category> categories = categories("reference/responsibility-matrix.csv");

    /** A category of the responsibility matrix (事项类别): code, Chinese and English name. */
    public record Category(String code, String name, String nameEn) {}

    public void requireDistrict(String district) {
        if (!units.isDistrict(district)) {
            String known = String.join("、", units.districts().stream().sorted().toList());
            throw DomainException.invalidField(
                    "district", district, "所在区域不存在，可选：" + known, "unknown district, one of " + known);
        }
    }

    public void requireUnitIfGiven(String unit) {
        if (unit != null && !units.isUnit(unit)) {
            throw DomainException.invalidField("accusedUnit", unit, "被投诉单位不存在", "unknown unit");
        }
    }

    /** District codes, sorted. */
    public java.util.List<String> districts() {
        return units.districts().stream().sorted().toList();
    }

    /** Every unit complainants may name (departments.csv), districts' governments included, in the file's order. */
    public java.util.List<Units.Unit> units() {
        return units.all();
    }

    /** The districts as complainants name the area (东城区 for 东城区人民政府), sorted by code. */
    public java.util.List<Units.Unit> districtAreas() {
        return units.all().stream()
                .filter(u -> units.isDistrict(u.code()))
                .sorted(java.util.Comparator.comparing(Units.Unit::code))
                .map(u -> new Units.Unit(u.code(), areaName(u.name()), areaNameEn(u.nameEn()), u.kind()))
                .toList();
    }

    private static String areaName(String government) {
        return government.replaceFirst("(人民政府|管委会)$", "");
    }

    private static String areaNameEn(String government) {
        return government.replaceFirst(" (District Government|Administrative Committee)$", "");
    }

    public String unitName(String code) {
        return units.nameOf(code).orElse(code);
    }

    /** The matrix's categories in the file's order, each once (a category may have a row per scope). */
    public java.util.List<Category> categories() {
        return categories;
    }

    private static java.util.List<Category> categories(String resource) {
        try (var in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            java.util.Map<String, Category> byCode = new java.util.LinkedHashMap<>();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", 4))
                    .forEach(f -> byCode.putIfAbsent(f[0], new Category(f[0], f[1], f[2])));
            return java.util.List.copyOf(byCode.values());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
