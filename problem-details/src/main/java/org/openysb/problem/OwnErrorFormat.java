package org.openysb.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource whose clients expect another standard's error format (Open311's {@code [{"code":…,"description":…}]},
 * say): it answers every error itself, and {@link ProblemFilters} leaves its requests and answers alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnErrorFormat {}
