package org.openysb.intake.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.openysb.intake.model.Units;
import org.openysb.problem.DomainException;

/** Districts and units known to intake (departments.csv), for checking what complainants send. */
@ApplicationScoped
public class ReferenceData {
    private final Units units = Units.load("reference/departments.csv");

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
}
