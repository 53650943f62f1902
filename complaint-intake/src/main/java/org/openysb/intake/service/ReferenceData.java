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

    public String unitName(String code) {
        return units.nameOf(code).orElse(code);
    }
}
