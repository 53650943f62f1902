package org.openysb.supervision.casefile.service;

import java.util.List;

/** Who looks at a case: their name for the trail, their units, whether they oversee every unit, whether they handle. */
public record Viewer(String name, List<String> units, boolean oversees, boolean handler) {}
