package org.openysb.contracts.events;

/** A government unit (承办单位) by its code from departments.csv and its Chinese name. */
public record UnitRef(String code, String name) {}
