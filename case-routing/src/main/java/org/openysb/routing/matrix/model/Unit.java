package org.openysb.routing.matrix.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A government unit (承办单位) that can lead or co-handle a case. */
@Entity
@Table(name = "unit")
public class Unit {
    @Id
    @Column(length = 20)
    public String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    public String nameZh;

    @Column(name = "name_en", nullable = false, length = 200)
    public String nameEn;

    /** city, district, coordinator, dispatcher or discipline. */
    @Column(nullable = false, length = 20)
    public String kind;
}
