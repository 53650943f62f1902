package org.openysb.intake.model;

/** Person (自然人), enterprise (市场主体) or anonymous (匿名). */
public enum ComplainantKind {
    PERSON,
    ENTERPRISE,
    ANONYMOUS
}
