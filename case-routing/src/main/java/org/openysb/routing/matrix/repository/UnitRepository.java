package org.openysb.routing.matrix.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.openysb.routing.matrix.model.Unit;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {
    public String nameOf(String code) {
        Unit unit = findById(code);
        return unit == null ? code : unit.nameZh;
    }
}
